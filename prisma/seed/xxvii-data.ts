/**
 * The model communiqué: XXVII meeting of mayors of Siberian and Far Eastern Russian cities
 * and Japanese West-coast cities (Petropavlovsk-Kamchatsky, August 2019).
 *
 * Russian text is the signed original, character for character (the one clause the
 * original splits across a page break is joined). Japanese follows the usage of the
 * Japanese side: the association 日ロ沿岸市長会 (chaired by the mayor of Niigata as
 * 代表幹事), its Russian counterpart ロ日極東シベリア友好協会, the series name
 * 日ロ沿岸市長会議 and the discussion themes as the Japanese side announced them.
 *
 * Russian names in Japanese: initials in Latin letters, then the surname in katakana,
 * joined by "・" ("T・N・イワノワ"). A Japanese name whose kanji could not be confirmed
 * is written in katakana, family name first ("ホンダ・シンジ").
 */

import type { CommuniqueSeed } from "@/lib/communique/seed-types";

export type {
  AssociationKey,
  CommuniqueSeed,
  SeedAssociation,
  SeedCity,
  SeedDelegation,
  SeedLibraryClause,
  SeedMeeting,
  SeedParticipant,
  SeedPerson,
  SeedSignatory,
  SeedTopic,
  TopicKey,
} from "@/lib/communique/seed-types";

export const xxviiSeed: CommuniqueSeed = {
  associations: [
    {
      key: "RU_ASSOC",
      side: "RU",
      name: {
        ru: "Ассоциация мэров городов Дальнего Востока и Сибири по дружественным связям с городами Японии",
        ja: "ロ日極東シベリア友好協会",
      },
      nameGenitive: {
        ru: "Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям с городами Японии",
        ja: "ロ日極東シベリア友好協会",
      },
    },
    {
      key: "JP_ASSOC",
      side: "JP",
      name: {
        ru: "Ассоциация мэров городов Западного побережья Японии",
        ja: "日ロ沿岸市長会",
      },
      nameGenitive: {
        ru: "Ассоциации мэров городов Западного побережья Японии",
        ja: "日ロ沿岸市長会",
      },
    },
  ],

  cities: [
    {
      key: "khabarovsk",
      side: "RU",
      name: { ru: "Хабаровск", ja: "ハバロフスク市" },
      nameLocative: "Хабаровске",
    },
    {
      key: "blagoveshchensk",
      side: "RU",
      name: { ru: "Благовещенск", ja: "ブラゴヴェシチェンスク市" },
      nameLocative: "Благовещенске",
    },
    {
      key: "nakhodka",
      side: "RU",
      name: { ru: "Находка", ja: "ナホトカ市" },
      nameLocative: "Находке",
    },
    {
      key: "petropavlovsk-kamchatsky",
      side: "RU",
      name: { ru: "Петропавловск-Камчатский", ja: "ペトロパブロフスク・カムチャツキー市" },
      nameLocative: "Петропавловске-Камчатском",
    },
    {
      key: "niigata",
      side: "JP",
      name: { ru: "Ниигата", ja: "新潟市" },
      nameLocative: "Ниигата",
    },
    {
      key: "maizuru",
      side: "JP",
      name: { ru: "Майдзуру", ja: "舞鶴市" },
      nameLocative: "Майдзуру",
    },
    {
      key: "kanazawa",
      side: "JP",
      name: { ru: "Канадзава", ja: "金沢市" },
      nameLocative: "Канадзава",
    },
    {
      key: "toyama",
      side: "JP",
      name: { ru: "Тояма", ja: "富山市" },
      nameLocative: "Тояма",
    },
  ],

  people: [
    {
      key: "kravchuk",
      side: "RU",
      name: { ru: "Кравчук С. А.", ja: "S・A・クラフチュク" },
      email: "kravchuk@khabarovsk.example",
      locale: "ru",
    },
    {
      key: "ivanova",
      side: "RU",
      name: { ru: "Иванова Т.Н.", ja: "T・N・イワノワ" },
      email: "ivanova@khabarovsk.example",
      locale: "ru",
    },
    {
      key: "kalita",
      side: "RU",
      name: { ru: "Калита В. С.", ja: "V・S・カリタ" },
      email: "kalita@blagoveshchensk.example",
      locale: "ru",
    },
    {
      key: "gladkikh",
      side: "RU",
      name: { ru: "Гладких Б. И.", ja: "B・I・グラトキフ" },
      email: "gladkikh@nakhodka.example",
      locale: "ru",
    },
    {
      key: "ivanenko",
      side: "RU",
      name: { ru: "Иваненко В. Ю.", ja: "V・Yu・イワネンコ" },
      email: "ivanenko@petropavlovsk-kamchatsky.example",
      locale: "ru",
    },
    {
      key: "nakahara",
      side: "JP",
      name: { ru: "НАКАХАРА Яити", ja: "中原八一" },
      email: "nakahara@niigata.example",
      locale: "ja",
    },
    {
      key: "tatami",
      side: "JP",
      name: { ru: "ТАТАМИ Рёдзо", ja: "多々見良三" },
      email: "tatami@maizuru.example",
      locale: "ja",
    },
    {
      key: "matsuda",
      side: "JP",
      name: { ru: "МАЦУДА Сигэто", ja: "松田滋人" },
      email: "matsuda@kanazawa.example",
      locale: "ja",
    },
    {
      key: "honda",
      side: "JP",
      name: { ru: "ХОНДА Синдзи", ja: "ホンダ・シンジ" },
      email: "honda@toyama.example",
      locale: "ja",
    },
  ],

  delegations: [
    // The mayor of Khabarovsk heads the delegation and signs as chairman; his acting
    // deputy attended the meeting and acts on his behalf.
    {
      key: "khabarovsk-delegation",
      cityKey: "khabarovsk",
      side: "RU",
      headPersonKey: "kravchuk",
      deputyPersonKey: "ivanova",
    },
    {
      key: "blagoveshchensk-delegation",
      cityKey: "blagoveshchensk",
      side: "RU",
      headPersonKey: "kalita",
    },
    { key: "nakhodka-delegation", cityKey: "nakhodka", side: "RU", headPersonKey: "gladkikh" },
    {
      key: "petropavlovsk-kamchatsky-delegation",
      cityKey: "petropavlovsk-kamchatsky",
      side: "RU",
      headPersonKey: "ivanenko",
    },
    { key: "niigata-delegation", cityKey: "niigata", side: "JP", headPersonKey: "nakahara" },
    { key: "maizuru-delegation", cityKey: "maizuru", side: "JP", headPersonKey: "tatami" },
    { key: "kanazawa-delegation", cityKey: "kanazawa", side: "JP", headPersonKey: "matsuda" },
    { key: "toyama-delegation", cityKey: "toyama", side: "JP", headPersonKey: "honda" },
  ],

  meeting: {
    ordinal: "XXVII",
    number: 27,
    name: {
      ru: "Встреча мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии",
      ja: "日ロ沿岸市長会議",
    },
    hostCityKey: "petropavlovsk-kamchatsky",
    hostCountry: { ru: "Россия", ja: "ロシア" },
    startDate: "2019-08-20",
    endDate: "2019-08-25",
    // The model document names no hall, only the city.
    venue: { ru: "Петропавловск-Камчатский", ja: "ペトロパブロフスク・カムチャツキー市" },
    invitingAssociationKey: "RU_ASSOC",
    guestAssociationKey: "JP_ASSOC",
    guestDelegation: {
      ru: "Ассоциации мэров городов Сибири и Дальнего Востока РФ и мэров городов Западного побережья Японии",
      ja: "日ロ沿岸市長会",
    },
    involvedCircles: {
      ru: "представителей экономических и туристических кругов",
      ja: "経済界及び観光業界の関係者",
    },
    nextMeeting: { ordinal: "XXVIII", year: 2021, country: { ru: "Япония", ja: "日本" } },
    signingDate: "2019-08-24",
    signingPlace: { ru: "Петропавловск-Камчатский", ja: "ペトロパブロフスク・カムチャツキー市" },
  },

  participants: [
    {
      personKey: "ivanova",
      delegationKey: "khabarovsk-delegation",
      title: {
        ru: "И.о. заместителя Мэра города Хабаровска по международным и внешнеэкономическим связям",
        ja: "ハバロフスク市国際・対外経済関係担当副市長代行",
      },
    },
    {
      personKey: "kalita",
      delegationKey: "blagoveshchensk-delegation",
      title: { ru: "Мэр города Благовещенска", ja: "ブラゴヴェシチェンスク市長" },
    },
    {
      personKey: "gladkikh",
      delegationKey: "nakhodka-delegation",
      title: { ru: "Глава Находкинского городского округа", ja: "ナホトカ市長" },
    },
    {
      personKey: "ivanenko",
      delegationKey: "petropavlovsk-kamchatsky-delegation",
      title: {
        ru: "Глава Петропавловск-Камчатского городского округа",
        ja: "ペトロパブロフスク・カムチャツキー市長",
      },
    },
    {
      personKey: "nakahara",
      delegationKey: "niigata-delegation",
      title: { ru: "Мэр города Ниигата", ja: "新潟市長" },
    },
    {
      personKey: "tatami",
      delegationKey: "maizuru-delegation",
      title: { ru: "Мэр города Майдзуру", ja: "舞鶴市長" },
    },
    {
      personKey: "matsuda",
      delegationKey: "kanazawa-delegation",
      title: {
        ru: "Начальник управления городской политики города Канадзава",
        ja: "金沢市都市政策局長",
      },
    },
    {
      personKey: "honda",
      delegationKey: "toyama-delegation",
      title: { ru: "Вице-мэр города Тояма", ja: "富山市副市長" },
    },
  ],

  signatories: [
    {
      personKey: "kravchuk",
      side: "RU",
      title: {
        ru: "Председатель Ассоциации мэров городов Дальнего Востока и Сибири по дружественным связям с городами Японии, Мэр города Хабаровска",
        ja: "ロ日極東シベリア友好協会会長、ハバロフスク市長",
      },
    },
    {
      personKey: "nakahara",
      side: "JP",
      title: {
        ru: "Председатель Ассоциации мэров городов Западного побережья Японии, Мэр города Ниигата",
        ja: "日ロ沿岸市長会代表幹事、新潟市長",
      },
    },
    {
      personKey: "kalita",
      side: "RU",
      title: { ru: "Мэр города Благовещенска", ja: "ブラゴヴェシチェンスク市長" },
    },
    {
      personKey: "tatami",
      side: "JP",
      title: { ru: "Мэр города Майдзуру", ja: "舞鶴市長" },
    },
    {
      personKey: "gladkikh",
      side: "RU",
      title: { ru: "Глава Находкинского городского округа", ja: "ナホトカ市長" },
    },
    {
      personKey: "matsuda",
      side: "JP",
      title: {
        ru: "Начальник управления городской политики города Канадзава",
        ja: "金沢市都市政策局長",
      },
    },
    {
      personKey: "ivanenko",
      side: "RU",
      title: {
        ru: "Глава Петропавловск-Камчатского городского округа",
        ja: "ペトロパブロフスク・カムチャツキー市長",
      },
    },
    {
      personKey: "honda",
      side: "JP",
      title: { ru: "Вице-мэр города Тояма", ja: "富山市副市長" },
    },
  ],

  topics: [
    {
      key: "economy",
      name: { ru: "экономика", ja: "経済" },
      title: {
        ru: "Активизация экономического сотрудничества между городами Дальнего Востока и Сибири РФ и Западного побережья Японии",
        ja: "日本海沿岸地域とロシア極東シベリア地域諸都市間の経済協力の促進",
      },
    },
    {
      key: "tourism",
      name: { ru: "туризм", ja: "観光" },
      title: {
        ru: "Меры по развитию въездного и выездного туризма и двустороннее сотрудничество между городами Дальнего Востока и Сибири РФ и Западного побережья Японии",
        ja: "両地域諸都市におけるインバウンド・アウトバウンドの取り組みと相互協力",
      },
    },
  ],

  libraryClauses: [
    {
      key: "eight-point-plan",
      topicKey: "economy",
      text: {
        ru: "В настоящее время осуществляется реализация плана сотрудничества из восьми пунктов, предложенных японской стороной в мае 2016 г., повышается эффективность деятельности ТОРов, режима свободного порта и упрощенной визовой системы. Стороны высоко оценили результаты расширения сотрудничества между Россией и Японией в этих областях.",
        ja: "現在、2016年5月に日本側が提案した8項目の協力プランの実施が進められており、先行社会経済発展区（TOR）、ウラジオストク自由港制度及び簡素化された査証制度（電子ビザ）の効果が高まっている。双方は、これらの分野における日ロ間の協力拡大の成果を高く評価した。",
      },
    },
    {
      key: "energy-and-ports",
      topicKey: "economy",
      text: {
        ru: "Стороны констатировали, что сотрудничество в энергетической сфере является одним из взаимовыгодных и главных проектов между Россией и Японией, а расширение функций портов городов-участников России и Японии имеет важное значение.",
        ja: "双方は、エネルギー分野における協力が日ロ間の互恵的かつ主要なプロジェクトの一つであり、また、日ロ両国の参加都市の港湾機能の拡充が重要な意義を有することを確認した。",
      },
    },
    {
      key: "freight",
      topicKey: "economy",
      text: {
        ru: "Стороны выразили надежды на увеличение объёмов грузоперевозок между Россией и Японией, используя сети железнодорожного сообщения, в частности, Транссибирской магистрали, а также автомобильных дорог. Они подчеркнули важность функционирования морского и авиасообщения, связывающих регионы России и Японии.",
        ja: "双方は、鉄道網（とりわけシベリア鉄道）及び道路網を活用した日ロ間の貨物輸送量の増大に期待を表明した。また、日ロ両国の各地域を結ぶ海上航路及び航空路線の運航の重要性を強調した。",
      },
    },
    {
      key: "business-missions",
      topicKey: "economy",
      text: {
        ru: "Кроме того, участники Встречи указали на необходимость правильного понимания рыночных ситуаций обеих сторон и систем различных областей страны-партнёра для продвижения предприятий регионов на рынок партнёра. Принимая это, также пришли к согласию рассмотреть возможность взаимного обмена бизнес-делегациями, в состав которых бы входили представители предприятий и местных торговых компаний с тем, чтобы предприятия среднего и малого бизнеса обеих сторон получили возможность по осуществлению торговых сделок.",
        ja: "さらに、会議参加者は、各地域の企業が相手国の市場に進出するためには、双方の市場の状況及び相手国の様々な分野の制度を正しく理解することが必要であると指摘した。これを踏まえ、双方の中小企業が商取引を行う機会を得られるよう、企業及び地元商社の代表者から成るビジネス代表団の相互派遣の可能性を検討することで合意した。",
      },
    },
    {
      key: "visa-facilitation",
      topicKey: "tourism",
      text: {
        ru: "Стороны высоко оценили продолжение действий в правительствах обеих стран по смягчению визовых требований и вместе с тем выразили намерение проводить работу с соответствующими ведомствами правительств России и Японии о дальнейшем упрощении визового режима и оформлении виз в кратчайшие сроки.",
        ja: "双方は、両国政府において査証要件の緩和に向けた取組が継続されていることを高く評価するとともに、査証制度の一層の簡素化及び査証の迅速な発給について、日ロ両国政府の関係機関に働きかけていく意向を表明した。",
      },
    },
    {
      key: "tourism-exchanges",
      topicKey: "tourism",
      text: {
        ru: "Стороны признали важность принятия мер в сфере активизации двусторонних туристических обменов (въездной и выездной туризм) с целью увеличения туристического потока, а также пришли к согласию рассмотреть взаимное направление представителей туристических кругов на ознакомительные поездки, участие их в туристических выставках и ярмарках.",
        ja: "双方は、観光客の増加を図るため、双方向の観光交流（インバウンド及びアウトバウンド）の活性化に向けた施策を講じることの重要性を認識するとともに、観光関係者の視察旅行への相互派遣並びに観光博覧会及び見本市への参加を検討することで合意した。",
      },
    },
    {
      key: "cruise-ports",
      topicKey: "tourism",
      text: {
        ru: "Стороны признали значимость совместных единых действий регионов обеих стран в оказании влияния на иностранные судоходные круизные компании с тем, чтобы они расширили список портов посещения, включив в него порты городов-членов Ассоциаций и согласились рассмотреть возможность реализации этих предложений.",
        ja: "双方は、外国のクルーズ船会社が寄港地を拡大し、両団体の会員都市の港湾を寄港地に加えるよう、両国の地域が一体となって働きかけることの意義を認め、これらの提案の実現可能性を検討することで合意した。",
      },
    },
    {
      key: "peace-treaty",
      topicKey: null,
      text: {
        ru: "Участники подчеркнули важность дальнейшего сотрудничества обоих регионов для построения дружеских и мирных отношений между двумя странами, основанных на истинном взаимопонимании, и выразили надежды на урегулирование нерешённых проблем между двумя странами и скорейшее подписание мирного договора.",
        ja: "会議参加者は、真の相互理解に基づく両国間の友好的かつ平和的な関係を構築するため、両地域が引き続き協力していくことの重要性を強調するとともに、両国間の未解決の問題の解決及び平和条約の早期締結への期待を表明した。",
      },
    },
    {
      key: "exchange-year",
      topicKey: null,
      text: {
        ru: "Стороны приветствовали принятие главами России и Японии в июне 2019 года решения о проведении в период с 2020 г. по 2021 г. «Года российско-японских межрегиональных и побратимских обменов».",
        ja: "双方は、2019年6月に日ロ両国首脳が2020年から2021年にかけて「日露地域・姉妹都市交流年」を実施することを決定したことを歓迎した。",
      },
    },
    {
      key: "broad-cooperation",
      topicKey: null,
      text: {
        ru: "Стороны выразили согласие на основе широкомасштабного обмена информацией между собой активизировать сотрудничество в таких областях, как гуманитарные обмены, творчество, наука, малое и среднее предпринимательство, сельское хозяйство и добиваться расширения масштабов взаимных отношений.",
        ja: "双方は、相互の幅広い情報交換に基づき、人的・文化交流、芸術、学術、中小企業、農業等の分野における協力を活性化し、相互関係の一層の拡大を図ることで一致した。",
      },
    },
  ],
};
