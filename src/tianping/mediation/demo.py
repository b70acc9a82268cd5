"""The demo's mediation partners and roster for 锡林浩特市人民法院 (内2502), at the scale
of seed 002: 22 partner organisations, 22 invited mediators and 2 people's mediators, with
the 工商联's legal-service station and business-environment mediation room, and an
in-court mediator (the persona hutao). Some mediators speak Mongolian.

Called by `demo.network.load_demo` (inside its transaction). Idempotent: rows are found
by their natural keys (court and name) and only the missing ones are created, in bulk.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils.translation import gettext

from tianping.accounts.choices import UserKind
from tianping.courts.models import Court
from tianping.mediation.choices import MediatorKind as MK
from tianping.mediation.choices import PartnerKind as PK
from tianping.mediation.choices import StationKind as SK
from tianping.mediation.models import (
    Mediator,
    Partner,
    PartnerAgreement,
    PartnerCoordinator,
    Station,
    joined_codes,
)

CITY = "锡林浩特市"
PARTNERS = [
    # key, name, English name, kind, contact person, phone
    ("justice", "锡林浩特市司法局", "Xilinhot Justice Bureau", PK.JUSTICE_BUREAU, "张建国",
     "0479-8221001"),
    ("hr", "锡林浩特市人力资源和社会保障局", "Xilinhot Human Resources and Social Security Bureau",
     PK.HUMAN_RESOURCES_BUREAU, "刘海燕", "0479-8221002"),
    ("fic", "锡林浩特市工商业联合会", "Xilinhot Federation of Industry and Commerce",
     PK.FEDERATION_OF_INDUSTRY, "娜森", "0479-8221003"),
    ("women", "锡林浩特市妇女联合会", "Xilinhot Women's Federation", PK.WOMENS_FEDERATION,
     "高娃", "0479-8221004"),
    ("union", "锡林浩特市总工会", "Xilinhot Federation of Trade Unions", PK.TRADE_UNION, "王志强",
     "0479-8221005"),
    ("petitions", "锡林浩特市信访局", "Xilinhot Petitions Bureau", PK.OTHER, "李明", ""),
    ("housing", "锡林浩特市住房和城乡建设局", "Xilinhot Housing and Urban-Rural Development Bureau",
     PK.OTHER, "赵刚", ""),
    ("market", "锡林浩特市市场监督管理局", "Xilinhot Market Regulation Bureau", PK.OTHER,
     "陈静", ""),
    ("consumers", "锡林浩特市消费者协会", "Xilinhot Consumers' Association", PK.OTHER, "周丽", ""),
    ("property", "锡林浩特市物业管理协会", "Xilinhot Property Management Association",
     PK.TRADE_ASSOCIATION, "孙伟", ""),
    ("banks", "锡林郭勒盟银行业协会", "Xilin Gol Banking Association", PK.TRADE_ASSOCIATION,
     "吴敏", ""),
    ("insurance", "锡林郭勒盟保险行业协会", "Xilin Gol Insurance Association",
     PK.TRADE_ASSOCIATION, "郑洁", ""),
    ("builders", "锡林浩特市建筑业协会", "Xilinhot Construction Industry Association",
     PK.TRADE_ASSOCIATION, "马力", ""),
    ("lawyers", "锡林浩特市律师协会", "Xilinhot Bar Association", PK.OTHER, "杨帆", ""),
    ("traffic", "锡林浩特市道路交通事故人民调解委员会",
     "Xilinhot Road Traffic Accident People's Mediation Committee",
     PK.PEOPLES_MEDIATION_COMMITTEE, "巴特尔", ""),
    ("medical", "锡林浩特市医疗纠纷人民调解委员会",
     "Xilinhot Medical Dispute People's Mediation Committee",
     PK.PEOPLES_MEDIATION_COMMITTEE, "乌兰", ""),
    ("xirtala", "希日塔拉街道人民调解委员会", "Xirtala Subdistrict People's Mediation Committee",
     PK.PEOPLES_MEDIATION_COMMITTEE, "其木格", ""),
    ("baoligen", "宝力根街道人民调解委员会", "Baoligen Subdistrict People's Mediation Committee",
     PK.PEOPLES_MEDIATION_COMMITTEE, "宝音", ""),
    ("chugulan", "楚古兰街道人民调解委员会", "Chugulan Subdistrict People's Mediation Committee",
     PK.PEOPLES_MEDIATION_COMMITTEE, "刘芳", ""),
    ("hangai", "杭盖街道人民调解委员会", "Hangai Subdistrict People's Mediation Committee",
     PK.PEOPLES_MEDIATION_COMMITTEE, "斯琴", ""),
    ("chaokewula", "朝克乌拉苏木人民调解委员会", "Chaokewula Sumu People's Mediation Committee",
     PK.PEOPLES_MEDIATION_COMMITTEE, "额尔敦", ""),
    ("aershan", "阿尔善宝力格镇人民调解委员会", "Aershanbaolige Town People's Mediation Committee",
     PK.PEOPLES_MEDIATION_COMMITTEE, "阿拉坦", ""),
]

AGREEMENTS = [
    # partner key, title, signed on, scope
    ("justice", "诉调对接工作协议", datetime.date(2024, 3, 1),
     "委派、委托调解，人民调解员进驻诉讼服务中心，调解协议司法确认。"),
    ("hr", "劳动人事争议诉裁调对接协议", datetime.date(2024, 4, 15),
     "劳动争议先行调解，仲裁与诉讼衔接，农民工欠薪纠纷绿色通道。"),
    ("fic", "商会商事纠纷诉调对接协议", datetime.date(2024, 5, 20),
     "民营企业商事纠纷调解，工商联法律服务站，营商环境调解室。"),
    ("women", "婚姻家庭纠纷联合调解协议", datetime.date(2024, 6, 1),
     "婚姻家庭、抚养赡养纠纷的诉前调解和回访。"),
    ("union", "劳动争议联合调解协议", datetime.date(2024, 6, 10), "职工劳动争议调解。"),
    ("banks", "金融纠纷多元化解协议", datetime.date(2025, 1, 8), "金融借款、信用卡纠纷调解。"),
    ("property", "物业服务纠纷诉前调解协议", datetime.date(2025, 3, 3), "物业服务合同纠纷调解。"),
]

STATIONS = [
    # partner key (or None: the court's own), name, English name, kind, township, address
    ("fic", "工商联法律服务站", "FIC legal-service station", SK.STATION, "希日塔拉街道",
     "锡林浩特市工商联办公楼一层"),
    ("fic", "营商环境调解室", "Business-environment mediation room", SK.ROOM, "",
     "锡林浩特市人民法院诉讼服务中心二楼"),
    (None, "诉调对接专窗", "Mediation referral window", SK.WINDOW, "",
     "锡林浩特市人民法院诉讼服务中心一楼"),
    ("women", "家事调解室", "Family mediation room", SK.ROOM, "",
     "锡林浩特市人民法院诉讼服务中心二楼"),
    ("hr", "劳动争议调解工作站", "Labour dispute mediation station", SK.STATION, "宝力根街道",
     "锡林浩特市人社局劳动仲裁院"),
    ("traffic", "交通事故纠纷调解工作站", "Traffic accident mediation station", SK.STATION,
     "楚古兰街道", "锡林浩特市公安局交通管理大队"),
]

ZH, ZH_MN = ["zh"], ["zh", "mn"]
MEDIATORS = [
    # name, kind, partner key, specialities, languages, township, phone
    ("巴特尔", MK.INVITED_ORGANISATION, "traffic", ["traffic"], ZH_MN, "楚古兰街道", "13904790101"),
    ("乌兰", MK.INVITED_ORGANISATION, "medical", ["other"], ZH_MN, "希日塔拉街道", "13904790102"),
    ("其木格", MK.INVITED, None, ["family", "neighbours"], ZH_MN, "希日塔拉街道", "13904790103"),
    ("张丽华", MK.INVITED_ORGANISATION, "women", ["family"], ZH, "宝力根街道", "13904790104"),
    ("刘建军", MK.INVITED_ORGANISATION, "hr", ["labour"], ZH, "宝力根街道", "13904790105"),
    ("王秀英", MK.INVITED_ORGANISATION, "union", ["labour"], ZH, "杭盖街道", "13904790106"),
    ("孟凡宇", MK.INVITED_ORGANISATION, "fic", ["commerce", "finance"], ZH, "希日塔拉街道",
     "13904790107"),
    ("萨仁", MK.INVITED_ORGANISATION, "fic", ["commerce"], ZH_MN, "希日塔拉街道", "13904790108"),
    ("李卫东", MK.INVITED, None, ["finance"], ZH, "楚古兰街道", "13904790109"),
    ("赵海龙", MK.INVITED_ORGANISATION, "banks", ["finance"], ZH, "楚古兰街道", "13904790110"),
    ("陈晓梅", MK.INVITED_ORGANISATION, "property", ["property_management"], ZH, "杭盖街道",
     "13904790111"),
    ("孙志刚", MK.INVITED_ORGANISATION, "builders", ["construction", "labour"], ZH, "宝力根街道",
     "13904790112"),
    ("周文斌", MK.INVITED_ORGANISATION, "consumers", ["consumer"], ZH, "楚古兰街道",
     "13904790113"),
    ("格日勒", MK.INVITED, None, ["family", "neighbours"], ZH_MN, "朝克乌拉苏木", "13904790114"),
    ("阿拉坦仓", MK.INVITED, None, ["neighbours", "other"], ZH_MN, "阿尔善宝力格镇",
     "13904790115"),
    ("杨建华", MK.INVITED_ORGANISATION, "lawyers", ["commerce", "construction"], ZH,
     "希日塔拉街道", "13904790116"),
    ("郭敏", MK.INVITED_ORGANISATION, "insurance", ["traffic", "finance"], ZH, "杭盖街道",
     "13904790117"),
    ("朝鲁", MK.INVITED, None, ["traffic", "neighbours"], ZH_MN, "朝克乌拉苏木", "13904790118"),
    ("黄玉兰", MK.INVITED_ORGANISATION, "women", ["family"], ZH, "杭盖街道", "13904790119"),
    ("马永福", MK.INVITED_ORGANISATION, "petitions", ["neighbours", "property_management"], ZH,
     "宝力根街道", "13904790120"),
    ("斯琴高娃", MK.INVITED, None, ["family", "labour"], ZH_MN, "宝力根街道", "13904790121"),
    ("吴国庆", MK.INVITED_ORGANISATION, "justice", ["neighbours", "family", "other"], ZH,
     "楚古兰街道", "13904790122"),
    # two people's mediators of the township committees
    ("宝音图", MK.PEOPLES, "chaokewula", ["neighbours", "family"], ZH_MN, "朝克乌拉苏木",
     "13904790123"),
    ("额尔敦其其格", MK.PEOPLES, "aershan", ["neighbours", "labour"], ZH_MN, "阿尔善宝力格镇",
     "13904790124"),
]
LISTED_ON = datetime.date(2024, 7, 1)
COORDINATOR = ("nasen", "娜森", "fic")  # the 工商联's coordinator: sees its mediators


def load_mediation_demo(court: Court, *, password: str) -> list[tuple[str, str, str]]:
    """COURT's partners, agreements, stations and roster. Returns (username, full name,
    role) of the accounts created now (the coordinator), like `load_demo`."""
    existing = set(Partner.objects.filter(court=court).values_list("name", flat=True))
    Partner.objects.bulk_create([
        Partner(court=court, name=name, name_en=name_en, kind=kind, contact_person=contact,
                phone=phone, address=CITY)
        for _key, name, name_en, kind, contact, phone in PARTNERS if name not in existing
    ])
    by_name = {p.name: p for p in Partner.objects.filter(court=court)}
    partner = {key: by_name[name] for key, name, *_rest in PARTNERS}

    have = set(PartnerAgreement.objects.filter(partner__court=court).values_list(
        "partner_id", "title"))
    PartnerAgreement.objects.bulk_create([
        PartnerAgreement(partner=partner[key], title=title, signed_on=signed, valid_from=signed,
                         scope=scope)
        for key, title, signed, scope in AGREEMENTS if (partner[key].pk, title) not in have
    ])
    have = set(Station.objects.filter(court=court).values_list("name", flat=True))
    Station.objects.bulk_create([
        Station(court=court, partner=partner[key] if key else None, name=name, name_en=name_en,
                kind=kind, township=township, address=address)
        for key, name, name_en, kind, township, address in STATIONS if name not in have
    ])
    have = set(Mediator.objects.filter(court=court).values_list("name", flat=True))
    Mediator.objects.bulk_create([
        Mediator(court=court, name=name, kind=kind, partner=partner[key] if key else None,
                 specialities=joined_codes(specs), languages=joined_codes(languages),
                 township=township, phone=phone, listed_on=LISTED_ON, capacity=5)
        for name, kind, key, specs, languages, township, phone in MEDIATORS if name not in have
    ])
    User = get_user_model()
    hutao = User.objects.filter(username="hutao").first()
    if hutao is not None and not Mediator.objects.filter(court=court, user=hutao).exists():
        Mediator.objects.create(
            court=court, user=hutao, name=hutao.full_name, kind=MK.IN_COURT,
            specialities=joined_codes(["family", "neighbours", "finance"]),
            languages=joined_codes(ZH), listed_on=LISTED_ON, capacity=10,
        )
    username, full_name, key = COORDINATOR
    user, created = User.objects.get_or_create(
        username=username, defaults={"full_name": full_name, "kind": UserKind.STAFF})
    if created:
        user.set_password(password)
        user.save(update_fields=["password"])
    PartnerCoordinator.objects.get_or_create(partner=partner[key], user=user)
    return [(username, full_name, gettext("Partner coordinator"))] if created else []
