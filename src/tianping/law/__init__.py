"""Pure legal computation shared by the apps: periods, rest days, time-limit rules and the
explanations of every computation. No ORM, no clock: the current date is an argument.
Everything above may import it; it imports nothing of the project but `lib`."""
