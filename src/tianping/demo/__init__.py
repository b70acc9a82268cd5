"""The demo court network and personas: the top of the stack, free to use every app."""
