"""Generic English-news resources for the rules baseline.

Everything here is general knowledge (countries and their demonyms, world
capitals and large cities, titles, organisation suffixes, speech verbs,
event triggers for the ontology, calendar words). None of it comes from any
article the harness is scored on.
"""

from __future__ import annotations

# country | demonym(s), separated by "/"; alternative country names after "="
_COUNTRIES = """
Afghanistan|Afghan/Afghans
Albania|Albanian/Albanians
Algeria|Algerian/Algerians
Andorra|Andorran
Angola|Angolan/Angolans
Argentina|Argentine/Argentinian/Argentines/Argentinians
Armenia|Armenian/Armenians
Australia|Australian/Australians
Austria|Austrian/Austrians
Azerbaijan|Azerbaijani/Azerbaijanis/Azeri/Azeris
Bahrain|Bahraini/Bahrainis
Bangladesh|Bangladeshi/Bangladeshis
Belarus|Belarusian/Belarusians
Belgium|Belgian/Belgians
Bolivia|Bolivian/Bolivians
Bosnia=Bosnia and Herzegovina|Bosnian/Bosnians
Botswana|Botswanan
Brazil|Brazilian/Brazilians
Bulgaria|Bulgarian/Bulgarians
Burkina Faso|Burkinabe
Cambodia|Cambodian/Cambodians
Cameroon|Cameroonian/Cameroonians
Canada|Canadian/Canadians
Chad|Chadian/Chadians
Chile|Chilean/Chileans
China|Chinese
Colombia|Colombian/Colombians
Congo|Congolese
Costa Rica|Costa Rican/Costa Ricans
Croatia|Croatian/Croatians/Croat/Croats
Cuba|Cuban/Cubans
Cyprus|Cypriot/Cypriots
Czech Republic=Czechia|Czech/Czechs
Denmark|Danish/Dane/Danes
Ecuador|Ecuadorian/Ecuadorians
Egypt|Egyptian/Egyptians
El Salvador|Salvadoran/Salvadorans
Estonia|Estonian/Estonians
Ethiopia|Ethiopian/Ethiopians
Finland|Finnish/Finn/Finns
France|French
Georgia|Georgian/Georgians
Germany|German/Germans
Ghana|Ghanaian/Ghanaians
Greece|Greek/Greeks
Guatemala|Guatemalan/Guatemalans
Haiti|Haitian/Haitians
Honduras|Honduran/Hondurans
Hungary|Hungarian/Hungarians
Iceland|Icelandic/Icelander/Icelanders
India|Indian/Indians
Indonesia|Indonesian/Indonesians
Iran|Iranian/Iranians
Iraq|Iraqi/Iraqis
Ireland|Irish
Israel|Israeli/Israelis
Italy|Italian/Italians
Ivory Coast|Ivorian/Ivorians
Jamaica|Jamaican/Jamaicans
Japan|Japanese
Jordan|Jordanian/Jordanians
Kazakhstan|Kazakh/Kazakhs/Kazakhstani
Kenya|Kenyan/Kenyans
Kosovo|Kosovar/Kosovars
Kuwait|Kuwaiti/Kuwaitis
Kyrgyzstan|Kyrgyz
Laos|Lao/Laotian
Latvia|Latvian/Latvians
Lebanon|Lebanese
Libya|Libyan/Libyans
Lithuania|Lithuanian/Lithuanians
Luxembourg|Luxembourgish
Madagascar|Malagasy
Malaysia|Malaysian/Malaysians
Mali|Malian/Malians
Malta|Maltese
Mexico|Mexican/Mexicans
Moldova|Moldovan/Moldovans
Mongolia|Mongolian/Mongolians
Montenegro|Montenegrin/Montenegrins
Morocco|Moroccan/Moroccans
Mozambique|Mozambican/Mozambicans
Myanmar=Burma|Burmese
Namibia|Namibian/Namibians
Nepal|Nepali/Nepalese
Netherlands=Holland|Dutch
New Zealand|New Zealander/New Zealanders
Nicaragua|Nicaraguan/Nicaraguans
Niger|Nigerien
Nigeria|Nigerian/Nigerians
North Korea|North Korean/North Koreans
North Macedonia=Macedonia|Macedonian/Macedonians
Norway|Norwegian/Norwegians
Oman|Omani/Omanis
Pakistan|Pakistani/Pakistanis
Palestine|Palestinian/Palestinians
Panama|Panamanian/Panamanians
Paraguay|Paraguayan/Paraguayans
Peru|Peruvian/Peruvians
Philippines|Filipino/Filipinos/Philippine
Poland|Polish/Pole/Poles
Portugal|Portuguese
Qatar|Qatari/Qataris
Romania|Romanian/Romanians
Russia=Russian Federation|Russian/Russians
Rwanda|Rwandan/Rwandans
Saudi Arabia|Saudi/Saudis
Senegal|Senegalese
Serbia|Serbian/Serbians/Serb/Serbs
Singapore|Singaporean/Singaporeans
Slovakia|Slovak/Slovaks/Slovakian
Slovenia|Slovenian/Slovenians/Slovene/Slovenes
Somalia|Somali/Somalis
South Africa|South African/South Africans
South Korea=Korea|South Korean/South Koreans/Korean/Koreans
South Sudan|South Sudanese
Spain|Spanish/Spaniard/Spaniards
Sri Lanka|Sri Lankan/Sri Lankans
Sudan|Sudanese
Sweden|Swedish/Swede/Swedes
Switzerland|Swiss
Syria|Syrian/Syrians
Taiwan|Taiwanese
Tajikistan|Tajik/Tajiks
Tanzania|Tanzanian/Tanzanians
Thailand|Thai/Thais
Tunisia|Tunisian/Tunisians
Turkey=Turkiye=Türkiye|Turkish/Turk/Turks
Turkmenistan|Turkmen
Uganda|Ugandan/Ugandans
Ukraine|Ukrainian/Ukrainians
United Arab Emirates=UAE|Emirati/Emiratis
United Kingdom=UK=Britain=Great Britain=England=Scotland=Wales=Northern Ireland|British/Briton/Britons/English/Scottish/Scot/Scots/Welsh
United States=US=U.S.=USA=U.S.A.=America|American/Americans
Uruguay|Uruguayan/Uruguayans
Uzbekistan|Uzbek/Uzbeks
Venezuela|Venezuelan/Venezuelans
Vietnam|Vietnamese
Yemen|Yemeni/Yemenis
Zambia|Zambian/Zambians
Zimbabwe|Zimbabwean/Zimbabweans
Bahamas|Bahamian/Bahamians
Barbados|Barbadian/Barbadians
Belize|Belizean
Benin|Beninese
Bhutan|Bhutanese
Brunei|Bruneian
Burundi|Burundian
Cape Verde=Cabo Verde|Cape Verdean
Central African Republic|
Comoros|Comorian
Djibouti|Djiboutian
Dominica|
Dominican Republic|Dominican/Dominicans
East Timor=Timor-Leste|Timorese
Equatorial Guinea|Equatoguinean
Eritrea|Eritrean/Eritreans
Eswatini=Swaziland|Swazi
Fiji|Fijian/Fijians
Gabon|Gabonese
Gambia|Gambian/Gambians
Grenada|Grenadian
Guinea|Guinean/Guineans
Guinea-Bissau|
Guyana|Guyanese
Kiribati|
Lesotho|
Liberia|Liberian/Liberians
Liechtenstein|
Malawi|Malawian/Malawians
Maldives|Maldivian/Maldivians
Marshall Islands|
Mauritania|Mauritanian/Mauritanians
Mauritius|Mauritian/Mauritians
Micronesia|Micronesian
Monaco|Monegasque
Nauru|Nauruan
Palau|Palauan
Papua New Guinea|Papua New Guinean
Saint Lucia|
Samoa|Samoan/Samoans
San Marino|
Sao Tome and Principe|
Seychelles|Seychellois
Sierra Leone|Sierra Leonean/Sierra Leoneans
Solomon Islands|
Suriname|Surinamese
Togo|Togolese
Tonga|Tongan/Tongans
Trinidad and Tobago=Trinidad|Trinidadian/Trinidadians
Tuvalu|Tuvaluan
Vanuatu|
Vatican|
Greenland|Greenlandic
Puerto Rico|Puerto Rican/Puerto Ricans
French Guiana|
Guadeloupe|
Martinique|
Reunion=Réunion|
New Caledonia|
French Polynesia|
Guam|
Bermuda|Bermudian
Gibraltar|
Faroe Islands|Faroese
Aruba|
Curacao=Curaçao|
Cayman Islands|
Western Sahara|Sahrawi
Somaliland|
"""

# groups and blocs written like demonyms
_OTHER_NORP = ("European", "Europeans", "African", "Africans", "Asian", "Asians", "Arab", "Arabs",
               "Western", "Soviet", "Latin American", "Scandinavian", "Baltic", "Nordic", "Balkan",
               "Kurdish", "Kurds", "Jewish", "Jews", "Muslim", "Muslims", "Christian", "Christians",
               "Catholic", "Catholics", "Hindu", "Hindus", "Buddhist", "Sikh", "Sunni", "Shiite", "Shia",
               "Democrat", "Democrats", "Republican", "Republicans", "Conservative", "Conservatives",
               "Labour", "Communist", "Communists", "Socialist", "Socialists", "Taliban", "Chechen",
               "Tatar", "Crimean", "Basque", "Catalan", "Flemish", "Roma", "Uyghur", "Uyghurs",
               "Latino", "Latinos", "Hispanic", "Hispanics", "Pashtun", "Hutu", "Tutsi", "Yazidi",
               "Indigenous", "Aboriginal", "Maori", "Inuit", "Sami", "Druze", "Alawite", "Rohingya", "Bedouin")

# capitals, cities of about a million people or more and the best-known others (GPE); none that is also a
# common word or a given name ("Nice", "Charlotte")
CITIES = frozenset("""
Abu Dhabi|Abuja|Accra|Addis Ababa|Algiers|Almaty|Amman|Amsterdam|Ankara|Astana|Athens|Atlanta|Auckland|Baghdad|Baku
Bangkok|Barcelona|Beijing|Beirut|Belgrade|Berlin|Bern|Bogota|Boston|Bratislava|Brussels|Bucharest|Budapest|Buenos Aires
Cairo|Calcutta|Canberra|Cape Town|Caracas|Casablanca|Chicago|Copenhagen|Dakar|Dallas|Damascus|Delhi|New Delhi|Denver|Detroit
Dhaka|Doha|Dubai|Dublin|Edinburgh|Frankfurt|Geneva|Glasgow|Hanoi|Havana|Helsinki|Hong Kong|Honolulu|Houston|Islamabad
Istanbul|Jakarta|Jerusalem|Johannesburg|Kabul|Karachi|Kathmandu|Khartoum|Kinshasa|Kuala Lumpur|Kuwait City|Lagos|Lahore
Las Vegas|Lima|Lisbon|Ljubljana|London|Los Angeles|Luanda|Luxembourg|Madrid|Manchester|Manila|Marseille|Melbourne|Mexico City
Miami|Milan|Minsk|Mogadishu|Montreal|Moscow|Mumbai|Munich|Nairobi|New York|New York City|Nicosia|Oslo|Ottawa|Paris|Philadelphia
Phnom Penh|Prague|Pretoria|Pyongyang|Quito|Rabat|Reykjavik|Riga|Rio de Janeiro|Riyadh|Rome|San Francisco|Santiago|Sao Paulo
Seattle|Seoul|Shanghai|Singapore|Skopje|Sofia|Stockholm|Sydney|Taipei|Tallinn|Tashkent|Tbilisi|Tehran|Tel Aviv|The Hague
Tirana|Tokyo|Toronto|Tripoli|Tunis|Vancouver|Vienna|Vilnius|Warsaw|Washington|Wellington|Yerevan|Zagreb|Zurich
Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv|Dnipro|St. Petersburg|Saint Petersburg|Chisinau|Sarajevo|Podgorica|Pristina|Bishkek|Dushanbe
Ashgabat|Ulaanbaatar|Manama|Muscat|Sanaa|Khartoum|Kampala|Kigali|Lusaka|Harare|Maputo|Windhoek|Gaborone|Antananarivo
Austin|San Antonio|San Diego|San Jose|Phoenix|Portland|Sacramento|Nashville|New Orleans|Baltimore|Pittsburgh|Cleveland
Kansas City|Salt Lake City|Oklahoma City|Panama City|Guatemala City|Vatican City|Ho Chi Minh City|Quezon City|Birmingham
Liverpool|Leeds|Bristol|Cardiff|Belfast|Lyon|Hamburg|Cologne|Naples|Turin|Seville|Valencia|Porto|Rotterdam|Antwerp
Krakow|Gdansk|Osaka|Kyoto|Busan|Guangzhou|Shenzhen|Chongqing|Wuhan|Bangalore|Bengaluru|Chennai|Kolkata|Hyderabad
Alexandria|Tehran|Mosul|Aleppo|Gaza|Haifa|Durban|Mombasa|Kano|Rio|Brasilia|Medellin|Monterrey|Guadalajara|Istanbul
Ibadan|Port Harcourt|Abidjan|Douala|Yaounde|Kumasi|Dar es Salaam|Lubumbashi|Marrakech|Fez|Tangier|Oran|Giza|Port Said
Fortaleza|Belo Horizonte|Recife|Porto Alegre|Curitiba|Manaus|Belem|Cali|Cartagena|Barranquilla
Cordoba|Montevideo|Asuncion|La Paz|Santa Cruz|Guayaquil|Puebla|Tijuana|San Juan|Santo Domingo|Kingston
Toronto|Calgary|Edmonton|Winnipeg|Quebec City|Minneapolis|St. Louis|Cincinnati|Indianapolis|Milwaukee
Raleigh|Tampa|Jacksonville|Memphis|Louisville|Fort Worth|El Paso|Albuquerque|Tucson
Newcastle|Nottingham|Leicester|Southampton|Aberdeen|Cork|Galway|Toulouse|Bordeaux|Lille|Nantes|Strasbourg
Stuttgart|Dusseldorf|Dortmund|Leipzig|Dresden|Hanover|Nuremberg|Bremen|Bologna|Florence|Genoa|Venice|Palermo|Bari
Bilbao|Malaga|Zaragoza|Palma|Lisbon|Porto|Gothenburg|Malmo|Bergen|Aarhus|Utrecht|The Hague|Ghent|Bruges
Geneva|Basel|Lausanne|Salzburg|Graz|Innsbruck|Wroclaw|Poznan|Lodz|Brno|Cluj|Thessaloniki|Izmir|Antalya|Novosibirsk
Yekaterinburg|Kazan|Vladivostok|Tbilisi|Nagoya|Yokohama|Sapporo|Fukuoka|Hiroshima|Incheon|Daegu|Tianjin
Chengdu|Nanjing|Hangzhou|Xian|Harbin|Shenyang|Macau|Kaohsiung|Cebu|Davao|Surabaya|Bandung|Medan|Yangon|Mandalay
Chiang Mai|Phuket|Da Nang|Penang|Johor Bahru|Colombo|Chittagong|Ahmedabad|Jaipur|Lucknow|Surat|Kanpur|Nagpur
Peshawar|Quetta|Rawalpindi|Faisalabad|Mashhad|Isfahan|Shiraz|Tabriz|Basra|Erbil|Jeddah|Mecca|Dammam|Sharjah
Perth|Brisbane|Adelaide|Hobart|Christchurch|Honiara|Suva|Port Moresby
""".replace("\n", "|").split("|")) - {""}

# US states, Canadian provinces and other first-level regions written without a head noun (GPE)
STATES = frozenset("""
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa
Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada
New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Washington State
Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|Bavaria|Catalonia|Lombardy|Tuscany|Sicily
Queensland|New South Wales|Tasmania|Punjab|Kerala|Bengal|Tamil Nadu|Gujarat|Maharashtra|Bihar|Texas
Victoria|South Australia|Western Australia|Northern Territory|Rajasthan|Uttar Pradesh|Madhya Pradesh|Karnataka
Andhra Pradesh|Telangana|Odisha|Assam|Jharkhand|Chhattisgarh|Haryana|Himachal Pradesh|Uttarakhand|Goa|West Bengal
Sindh|Balochistan|Khyber Pakhtunkhwa|Guangdong|Sichuan|Yunnan|Xinjiang|Hubei|Hunan|Henan|Shandong|Zhejiang|Jiangsu
Fujian|Hebei|Shanxi|Shaanxi|Guangxi|Inner Mongolia|Hokkaido|Okinawa|Saxony|Hesse|Brandenburg|Baden-Wuerttemberg
North Rhine-Westphalia|Lower Saxony|Andalusia|Galicia|Valencia|Basque Country|Piedmont|Veneto|Campania|Sardinia
Normandy|Brittany|Provence|Alsace|Flanders|Wallonia|Sao Paulo|Minas Gerais|Bahia|Amazonas|Rio Grande do Sul|Jalisco
Chihuahua|Sonora|Oaxaca|Chiapas|Yucatan|Lagos State|Kano State|Rivers State
""".replace("\n", "|").split("|")) - {""}
# the abbreviations of US states that news style uses after a party letter ("D-Calif.", "R-N.Y.")
STATE_ABBREVIATIONS = frozenset("""
Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nev.
N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo.
""".split())
_STATE_DEMONYMS = ("Texan", "Texans", "Californian", "Californians", "Floridian", "Floridians", "New Yorker",
                   "New Yorkers", "Ohioan", "Ohioans", "Virginian", "Virginians", "Michigander", "Michiganders",
                   "Georgian", "Alaskan", "Alaskans", "Hawaiian", "Hawaiians", "Arizonan", "Arizonans", "Coloradan",
                   "Oregonian", "Oregonians", "Minnesotan", "Minnesotans", "Quebecer", "Quebecers", "Bavarian",
                   "Bavarians", "Catalan", "Catalans", "Londoner", "Londoners", "Parisian", "Parisians",
                   "Muscovite", "Muscovites", "Berliner", "Berliners")

# regions that are not countries (LOC) and bodies of water
LOCATIONS = frozenset("""
Europe|Asia|Africa|North America|South America|Latin America|Middle East|Central Asia|Southeast Asia|East Asia
Western Europe|Eastern Europe|Central Europe|the Balkans|Balkans|Caucasus|Scandinavia|Siberia|Arctic|Antarctica
Mediterranean|Black Sea|Baltic Sea|Red Sea|North Sea|Caspian Sea|South China Sea|Atlantic|Pacific|Indian Ocean
Persian Gulf|Gulf|Sahara|Sahel|Himalayas|Alps|Amazon|Gaza Strip|West Bank|Crimea|Donbas|Donbass|Kashmir
Caribbean|Central America|Oceania|Polynesia|Melanesia|Patagonia|Andes|Horn of Africa|Sub-Saharan Africa|Maghreb|Levant
Anatolia|Iberia|Iberian Peninsula|Korean Peninsula|Arabian Peninsula|Indochina|Tibet|Rockies|Rocky Mountains
Appalachia|Midwest|New England|Pacific Northwest|Great Lakes|Great Plains|Outback|Riviera|Mekong|Nile|Danube|Rhine
Thames|Yangtze|Ganges|Mississippi River|Arctic Ocean|Southern Ocean|Atlantic Ocean|Pacific Ocean|English Channel
Mont Blanc|Everest|Kilimanjaro|Sinai|Balearics|Canary Islands|Galapagos|Aegean|Adriatic|Gulf of Mexico
""".replace("\n", "|").split("|")) - {""}

# words after a capitalised name that make it a place (the word belongs to the name)
PLACE_HEADS = {
    "region": "GPE", "province": "GPE", "oblast": "GPE", "state": "GPE", "county": "GPE", "district": "GPE",
    "city": "GPE", "republic": "GPE", "territory": "GPE",
    "river": "LOC", "sea": "LOC", "lake": "LOC", "mountains": "LOC", "valley": "LOC", "island": "LOC",
    "islands": "LOC", "peninsula": "LOC", "bay": "LOC", "coast": "LOC", "desert": "LOC", "ocean": "LOC",
    "street": "FAC", "avenue": "FAC", "square": "FAC", "bridge": "FAC", "airport": "FAC", "stadium": "FAC",
    "station": "FAC", "plant": "FAC", "dam": "FAC", "hospital": "FAC", "palace": "FAC", "arena": "FAC",
    "park": "FAC", "tower": "FAC", "building": "FAC", "prison": "FAC", "base": "FAC", "port": "FAC",
    "cathedral": "FAC", "church": "FAC", "mosque": "FAC", "road": "FAC", "highway": "FAC",
    "showground": "FAC", "showgrounds": "FAC", "lane": "FAC", "drive": "FAC", "boulevard": "FAC",
    "market": "FAC", "hall": "FAC", "terminal": "FAC", "pier": "FAC", "museum": "FAC", "castle": "FAC",
    "delta": "LOC", "gulf": "LOC", "strait": "LOC", "canyon": "LOC", "glacier": "LOC", "forest": "LOC",
    "plateau": "LOC", "basin": "LOC", "hills": "LOC", "falls": "LOC", "reef": "LOC", "lagoon": "LOC",
    "fjord": "LOC", "archipelago": "LOC", "gate": "FAC", "memorial": "FAC", "monument": "FAC", "cemetery": "FAC",
    "canal": "FAC", "tunnel": "FAC", "harbour": "FAC", "harbor": "FAC", "quay": "FAC", "gardens": "FAC", "parish": "GPE", "prefecture": "GPE", "municipality": "GPE", "field": "FAC", "wall": "FAC", "crossing": "FAC", "pipeline": "FAC",
    "spa": "FAC", "resort": "FAC", "hotel": "FAC", "observatory": "FAC", "crater": "LOC", "volcano": "LOC",
}
# first words of the names of places and buildings, in English and the languages news names them in
# ("Stade Adrar", "Avenida Nazare", "Mount Kenya")
FACILITY_FIRST = frozenset(("Stade", "Stadio", "Estadio", "Estádio", "Parque", "Parc", "Avenida", "Rua", "Rue",
                            "Piazza", "Plaza", "Praça", "Plaça", "Palacio", "Palazzo", "Palais", "Teatro", "Théâtre",
                            "Museo", "Musée", "Museu", "Sala", "Ponte", "Puente", "Pont", "Castillo", "Castello",
                            "Schloss", "Porta", "Puerta", "Torre", "Autoroute", "Autobahn", "Aeropuerto",
                            "Aéroport", "Aeroporto", "Gare", "Estación", "Plac", "Ulica", "Camp", "Strasse", "Straße",
                            "Calle", "Carrer", "Avenue", "Carrera", "Casa", "Paseo", "Praia", "Largo"))
LOCATION_FIRST = frozenset(("Mount", "Mt.", "Lake", "Cape", "Isle", "Gulf", "Bay", "Strait", "Sierra", "Monte",
                            "Lago", "Rio", "Río", "Loch", "Glen", "Mont", "Côte", "Costa", "Val", "Valle", "Isla",
                            "Île", "Isola", "Playa", "Cabo", "Bahía", "Golfe", "Golfo", "Pointe", "Punta"))
# words before a number that make a road of it ("Interstate 10", "Route 66")
ROAD_WORDS = frozenset(("Interstate", "Route", "Highway", "Motorway", "Autobahn", "Autoroute"))
# last words of the names of laws and treaties
LAW_HEADS = frozenset(("Act", "Acts", "Agreement", "Declaration", "Accord", "Accords", "Protocol", "Treaty", "Convention",
                       "Conventions", "Charter", "Directive", "Regulation", "Regulations", "Bill", "Constitution", "Policy",
                       "Amendment", "Pact", "Statute", "Ordinance", "Decree", "Code", "Law"))
# last words of the names of prizes, typed WORK_OF_ART as OntoNotes does ("Booker Prize", "Ballon d'Or" aside)
AWARD_HEADS = frozenset(("Prize", "Award", "Medal", "Trophy"))
# first words of the names of storms, battles and operations ("Hurricane Laura", "Battle of Hastings")
EVENT_FIRST = frozenset(("Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical Storm", "Super Typhoon", "Battle",
                         "Tropical Cyclone", "Severe Tropical Cyclone", "Super Cyclone", "Tropical Depression",
                         "Siege", "Operation", "Copa", "Coupe", "Coppa", "Taça", "Tour", "Giro", "Vuelta"))
# lower-case nouns after a name that make an event of it, the noun included ("the Ferrow festival")
EVENT_NOUNS_AFTER = frozenset(("election", "elections", "by-election", "by-elections", "primary", "primaries",
                               "caucus", "caucuses", "run-off", "runoff", "festival", "summit", "tournament", "championship",
                               "championships", "marathon", "conference", "expo", "fair", "carnival", "regatta",
                               "referendum", "games", "derby", "rally", "gala", "awards", "show", "war", "uprising",
                               "revolution", "massacre", "earthquake", "hurricane", "typhoon", "cyclone"))
# nouns for kinds of product, before a name ("the drug Arvelix"), after it ("the Halo glasses") or in an
# apposition ("Arvelix, a daily tablet,")
PRODUCT_NOUNS = frozenset("""
phone smartphone handset tablet laptop computer console headset glasses smartwatch earbuds headphones camera
drone robot car cars pickup truck suv sedan hatchback van coupe motorbike motorcycle scooter bike bicycle aircraft plane
jet airliner helicopter missile missiles rocket satellite rifle tank tanks warship submarine chip chips processor
software app browser chatbot vaccine drug drugs pill medicine medication jab inhaler device devices gadget model models
edition concept prototype engine engines telescope rover probe spacecraft lander vehicle fighter fighters jets
howitzer howitzers drones rockets satellites vaccines shoe shoes trainers launcher ship ships vessel frigate destroyer
tanker yacht liner trawler injection injections pen cars phones trucks vans buses planes laptops
""".split())
# nouns for kinds of titled work, before a title ("the novel A House of Tides", "her album Blue")
WORK_NOUNS = frozenset("""
film films movie documentary novel novels book memoir biography album song single play musical opera ballet series
sitcom drama painting sculpture poem game sequel prequel hit suite symphony concerto podcast thriller comedy western
shooter franchise opus anthem exhibition portrait mural
""".split())
# verbs whose object is a product's name ("unveiled the Halo 3")
PRODUCT_VERBS = frozenset(("unveiled", "unveils", "unveil", "launched", "launches", "launch", "released", "releases",
                           "introduced", "introduces", "debuted", "debuts", "unveiling", "launching", "releasing",
                           "calls", "called", "dubbed", "recalled", "recalls"))
# words after a product's name that say which version it is ("Flex Lite", "Halo Go", "Series X")
EDITION_WORDS = frozenset(("Pro", "Max", "Ultra", "Lite", "Mini", "Plus", "Air", "Go", "Neo", "XL", "SE", "Edge",
                           "Turbo", "Hybrid", "Sport", "GT", "EV"))
# nouns that number things and are not products ("Category 3", "Phase 2")
NUMBERED_NOUNS = frozenset("""
Category Level Phase Stage Grade Tier Group Division Round Chapter Year Week Day Line Terminal Platform Gate Room Floor
Block Zone Ward Section Article Clause Title Part Schedule Step Game Match Test Season Episode Volume Vol No Number Page
Figure Table Rule Flight Pier Berth Lot Unit Apartment Suite Box Lane Exit Junction Bus Team Class Form Act Heat Leg
""".split())
# languages, named after "in", "speak" or "learn" ("a call in Portuguese")
LANGUAGES = frozenset("""
English French Spanish Portuguese German Italian Dutch Russian Ukrainian Polish Czech Romanian Hungarian Greek
Swedish Norwegian Danish Finnish Icelandic Welsh Gaelic Irish Catalan Basque Latin Arabic Hebrew Turkish Persian Farsi
Kurdish Hindi Urdu Bengali Punjabi Tamil Telugu Marathi Gujarati Nepali Sinhala Mandarin Cantonese Chinese Japanese
Korean Vietnamese Thai Khmer Indonesian Malay Tagalog Filipino Swahili Yoruba Igbo Hausa Zulu Xhosa Amharic Somali
Afrikaans Quechua Guarani Esperanto Sanskrit Serbian Croatian Bulgarian Slovak Albanian Armenian Georgian Kazakh Uzbek
""".split())
# words of direction before a place's name that make a place of their own ("East Africa", "South Ferrow")
COMPASS = frozenset(("North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
                     "Upper", "Lower"))
# "the province of X": an administrative word before "of" names the place after it
ADMINISTRATIVE = frozenset(("province", "state", "city", "town", "village", "region", "district", "county",
                            "municipality", "prefecture", "borough", "shire"))

# last words of organisation names
ORG_SUFFIXES = frozenset("""
Inc|Inc.|Corp|Corp.|Corporation|Co|Co.|Company|Ltd|Ltd.|LLC|Plc|PLC|AG|SA|GmbH|NV|Group|Holdings|Partners|Bank|Fund
Ministry|Council|Parliament|Assembly|Congress|Senate|Party|Army|Navy|Forces|Force|Guard|Agency|Authority|University
College|School|Institute|Foundation|Association|Federation|Union|Committee|Commission|Court|Tribunal|Office|Department
Service|Services|Police|Bureau|Board|Club|FC|United|City|Airlines|Airways|Motors|Energy|Systems|Technologies|Media
Times|Post|News|Journal|Press|Network|Organization|Organisation|Alliance|League|Society|Centre|Center|Coalition
Cabinet|Government|Administration|Secretariat|Reserve|Exchange|Trust|Labs|Pharmaceuticals|Industries|Enterprises
Rovers|Rangers|Wanderers|Athletic|Albion|Hotspur|Dynamo|Olympique|Sporting|Real|Town|Borough|Thistle|Argyle
Church|Movement|Front|Brigade|Battalion|Regiment|Command|Staff|Directorate|Pentagon|Commonwealth
Circuit|Tech|Bancorp|Capital|Ventures|Solutions|Software|Robotics|Therapeutics|Biotech|Telecom|Mobile|Logistics|Studios
Records|Pictures|Entertainment|Broadcasting|Publishing|Insurance|Realty|Railways|Railway|Hospital|Clinic|Lab|Laboratory
Mobility|Securities|Networks|Mining|Project|Gallery|Museum|Theatre|Theater|Orchestra|Opera|Foods|Steel|Pharma
Events|Research|Analytics|Consulting|Studio|Gaming|Esports|Aerospace|Aviation|International|Books|Publishers|Editions|Survey|Nacional|Nationale|Nazionale|Collaborative|Initiative|Partnership|Ferries|Division|Observatory|Gazette|Herald|Tribune|Roadways|Freight|Shipping|Haulage|Transit|Electronics|Semiconductor|Chemicals|Communications|Television|Radio|Broadcaster|Finance|Brands|Automotive
""".replace("\n", "|").split("|")) - {""}

# last words (or last two) of the names of events: games, tournaments, summits, wars, festivals
# the last word of a sports club's name, which reports use alone for the club ("Rovers", "Athletic")
CLUB_SUFFIXES = frozenset(("Rovers", "Rangers", "Wanderers", "Athletic", "Albion", "Hotspur", "Town", "Borough",
                           "Thistle", "Argyle", "Dynamo"))

EVENT_HEADS = frozenset("""
Grand Prix|Olympics|Olympic Games|Paralympics|Games|Cup|World Cup|Championship|Championships|Tournament|Open
Summit|Conference|Forum|Festival|Marathon|Expo|Biennale|War|Revolution|Uprising|Crisis|Awards|Oscars|Grammys
Series|Derby|Classic|Invitational|Rally|Tour|Week|Fair|Show|Motor Show|Air Show|Election|Elections|Carnival
Regatta|Gala|Jamboree|Fest|Referendum
""".replace("\n", "|").split("|")) - {""}

# first words of organisation names
ORG_HEADS = frozenset(("Ministry", "Department", "University", "Bank", "Council", "Court", "Office", "Bureau",
                       "Committee", "Commission", "Federation", "Union", "Institute", "House", "Church",
                       "Party", "Board", "Agency", "Supreme", "Federal", "National", "Central", "Royal",
                       # sports clubs named with a prefix
                       "Real", "FC", "AC", "AS", "SC", "Atletico", "Athletic", "Sporting", "Olympique", "Dynamo",
                       "Inter", "Borussia", "Bayern", "Club", "Team",
                       # business and public bodies named in other languages
                       "Maison", "Groupe", "Banque", "Société", "Compagnie", "Grupo", "Banco", "Compañía",
                       "Fundación", "Fundação", "Instituto", "Universidad", "Universidade", "Université",
                       "Universität", "Università"))

# single-word organisations by common knowledge (institutions, not companies in the news of a day)
KNOWN_ORGS = frozenset(("UN", "U.N.", "NATO", "EU", "E.U.", "WHO", "IMF", "OPEC", "FBI", "CIA", "NSA", "KGB", "FSB",
                        "SBU", "MI6", "MI5", "BBC", "CNN", "AFP", "AP", "Reuters", "Interpol", "Europol", "Kremlin",
                        "Pentagon", "Congress", "Parliament", "Senate", "OSCE", "G7", "G20", "ASEAN", "WTO",
                        "UNESCO", "UNICEF", "Red Cross", "Hamas", "Hezbollah", "Wagner", "Interfax", "TASS",
                        "Bloomberg", "NASA", "FIFA", "UEFA", "IOC", "NBA", "NFL", "NHL", "MLB", "ICC", "ICJ",
                        "Gazprom", "Rosneft", "Google", "Apple", "Microsoft", "Amazon", "Meta", "Facebook",
                        "Twitter", "Tesla", "Toyota", "Boeing", "Airbus", "Samsung", "Telegram", "YouTube",
                        "Instagram", "TikTok", "Netflix", "Nvidia", "Intel", "IBM", "OpenAI",
                        # large companies and institutions that appear in the news of any year
                        "Alphabet", "ByteDance", "Uber", "Airbnb", "Spotify", "PayPal", "Visa", "Mastercard", "Oracle",
                        "Cisco", "Qualcomm", "AMD", "Sony", "Nintendo", "Huawei", "Alibaba", "Tencent", "Baidu",
                        "Xiaomi", "Volkswagen", "BMW", "Ford", "Honda", "Nissan", "Hyundai", "Shell", "BP",
                        "ExxonMobil", "Chevron", "Walmart", "Disney", "Nike", "Adidas", "Pfizer", "Moderna",
                        "AstraZeneca", "Novartis", "Siemens", "Nestle", "Unilever", "HSBC", "Barclays", "JPMorgan",
                        "Goldman Sachs", "Morgan Stanley", "Citigroup", "Anthropic", "DeepMind", "SpaceX", "Snapchat",
                        "WhatsApp", "LinkedIn", "Wikipedia", "PepsiCo", "Starbucks", "IKEA", "Ryanair", "Lufthansa",
                        "Samsung Electronics", "General Motors", "General Electric", "United Nations", "European Union",
                        "World Bank", "Federal Reserve", "White House", "Supreme Court", "Red Crescent", "Greenpeace",
                        "Amnesty International", "Human Rights Watch", "Doctors Without Borders", "NetChoice",
                        "Premier League", "Champions League", "La Liga", "Bundesliga", "Serie A", "Formula One",
                        # the largest companies by revenue and the largest makers of aircraft and arms
                        "Saudi Aramco", "Berkshire Hathaway", "UnitedHealth", "McKesson", "CVS Health", "Costco",
                        "Cardinal Health", "Stellantis", "Mercedes-Benz", "Glencore", "TotalEnergies", "Sinopec",
                        "PetroChina", "Foxconn", "Mitsubishi", "Hitachi", "Panasonic", "Toshiba", "LG", "SK Hynix",
                        "TSMC", "Lenovo", "Dell", "HP", "Accenture", "Deloitte", "PwC", "KPMG", "EY", "McKinsey",
                        "Lockheed Martin", "Raytheon", "RTX", "Northrop Grumman", "General Dynamics", "BAE Systems",
                        "Rheinmetall", "Thales", "Saab", "Dassault", "Embraer", "Rolls-Royce", "Bombardier",
                        "Maersk", "FedEx", "UPS", "DHL", "Qatar Airways", "Kia", "Renault",
                        "Peugeot", "Volvo", "Ferrari", "Porsche", "Audi", "BYD", "Johnson & Johnson", "Merck",
                        "Roche", "Sanofi", "GSK", "Novo Nordisk", "Bayer", "BASF", "Nokia", "Ericsson", "Vodafone",
                        "H&M", "Carrefour", "Tesco", "Aldi", "Lidl", "Coca-Cola", "McDonald's"))

# titles before a person's name (kept out of the name, evidence that a name follows)
TITLES = frozenset("""
President|Vice President|Prime Minister|Minister|Deputy Minister|Foreign Minister|Defence Minister|Defense Minister
Chancellor|Premier|King|Queen|Prince|Princess|Emperor|Pope|Sheikh|Emir|Sultan|Mayor|Governor|Senator|Sen.|Rep.|Representative
Congressman|Congresswoman|Judge|Justice|Attorney General|Prosecutor|General|Gen.|Lieutenant|Lt.|Colonel|Col.|Major|Maj.
Captain|Capt.|Commander|Admiral|Adm.|Sergeant|Sgt.|Marshal|Field Marshal|Secretary|Secretary of State|Ambassador|Envoy
Spokesman|Spokeswoman|Spokesperson|Director|Chairman|Chairwoman|Chair|CEO|Chief|Coach|Manager|Captain|Dr.|Dr|Mr.|Mr|Mrs.|Mrs
Ms.|Ms|Miss|Sir|Dame|Lord|Lady|Professor|Prof.|Prof|Rev.|Reverend|Father|Bishop|Archbishop|Patriarch|Cardinal|Rabbi|Imam
Comrade|Councillor|Councilor|Councilman|Councilwoman|Alderman|Organiser|Organizer|Dictator|Leader|Opposition Leader|Speaker|Officer|Detective|Inspector|Sheriff|Commissioner|Striker|Midfielder|Defender
Goalkeeper|Forward|Quarterback|Pitcher|Champion|Analyst|Economist|Lawyer|Attorney|Defendant|Plaintiff|Witness|Author
""".replace("\n", "|").split("|")) - {""}

# lower-case nouns that describe a person's role before a name ("spokeswoman Lena Ortiz")
ROLE_NOUNS = frozenset(t.lower() for t in TITLES if "." not in t) | frozenset((
    "dictator", "leader", "official", "officials", "spokesman", "spokeswoman", "minister", "president", "analyst",
    "economist", "lawyer", "attorney", "prosecutor", "coach", "striker", "manager", "chief", "head", "founder",
    "executive", "chairman", "investor", "activist", "journalist", "reporter", "senator", "governor", "mayor",
    "commander", "general", "judge", "defendant", "witness", "player", "forward", "goalkeeper", "midfielder",
    "captain", "teammate", "operator", "expert", "researcher", "scientist", "professor", "doctor", "nurse",
    "soldier", "officer", "ambassador", "envoy", "diplomat", "negotiator", "director", "ceo", "owner", "partner",
))

# common given names across languages: evidence that a capitalised pair is a person ("Ana Rojas")
FIRST_NAMES = frozenset("""
Aaron Abdul Abdullah Adam Adrian Ahmed Aisha Alan Albert Alberto Alejandro Alex Alexander Alexandra Alexei Ali Alice
Alicia Amanda Amina Amir Amy Ana Anastasia Andrea Andreas Andrew Andrei Andriy Angela Anil Anita Ann Anna Anne Anthony
Antonio Arjun Arthur Ashley Aziz Barbara Ben Benjamin Bernard Beth Bill Bob Boris Brian Bruce Bruno Camila Carl Carlos
Carmen Caroline Catherine Charles Charlotte Chen Chris Christian Christina Christopher Claire Claudia Daniel Daniela
Danny David Deborah Dennis Diana Diego Dmitry Dmytro Donald Ed Edward Elena Elizabeth Ellen Emily Emma Emmanuel Eric
Erik Erling Eva Fatima Felipe Fernando Francesca Francis Francisco Frank Fred Gabriel George Georgia Gerald Gina Giorgio
Giuseppe Grace Greg Hannah Hans Harry Hassan Helen Henry Hiroshi Hugo Hussein Ian Ibrahim Igor Ilya Irina Isaac Ivan
Jack Jacob James Jamal Jan Jane Janet Jason Javier Jean Jeff Jennifer Jessica Jim Joan Joe John Jonathan Jorge Jose Joseph
Juan Julia Julian Julie Karen Karim Kate Katherine Kevin Khalid Kim Klaus Kumar Laura Lauren Leila Leo Li Linda Lisa Liu
Louis Lucas Luis Luke Maria Marie Mario Mark Marta Martin Mary Matthew Max Mehmet Michael Michel Michelle Miguel Mikhail
Mohammed Muhammad Nadia Natalia Nathan Nicholas Nicola Nikolai Nina Noah Olena Oleksandr Oleg Oliver Olga Omar Pablo
Patricia Patrick Paul Paula Pedro Pep Peter Philip Pierre Priya Rachel Rafael Rahul Raj Ramon Rebecca Richard Rita Robert
Roberto Ruth Ryan Sam Samuel Sandra Sara Sarah Scott Sean Sergei Serhiy Simon Sofia Sophie Stefan Stephen Steve Steven
Susan Takeshi Tanya Thomas Tim Timothy Tom Tony Valentina Vasyl Victor Victoria Viktor Vincent Vladimir Walter Wang
William Xavier Yan Yuki Yulia Yusuf Zhang Olaf Kenji Ken Ted Kamala Nancy Hillary Marco Luca Sven Lars Ingrid Astrid
""".split())

# capitalised words that begin organisation and place names but never a person's ("Fifth Circuit", "Harbour Tech")
NOT_FIRST_NAMES = frozenset("""
First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Eleventh New Old North South East West Northern Southern
Eastern Western Central Upper Lower Greater Grand Great Royal Imperial National International Global General United
Federal Public Private Golden Silver Blue Green Red Black White Harbour Harbor Bay River Lake Mount Port Fort Saint
Metro Metropolitan Capital City Valley Star Sun Digital Smart Open Free Real Social Modern Future Standard American
Union Liberty Pacific Atlantic Coastal Urban Civic Civil Human Children Women Family Community Energy Power Tech Data
""".split())

# speech verbs (all forms the rules look for) -> lemma
_SPEECH = {
    "say": "say said says saying", "tell": "tell told tells telling", "add": "add added adds adding",
    "announce": "announce announced announces announcing", "state": "state stated states",
    "claim": "claim claimed claims claiming", "declare": "declare declared declares",
    "explain": "explain explained explains", "insist": "insist insisted insists",
    "warn": "warn warned warns warning", "urge": "urge urged urges urging",
    "argue": "argue argued argues", "note": "note noted notes", "write": "write wrote writes written",
    "report": "report reported reports", "confirm": "confirm confirmed confirms",
    "deny": "deny denied denies", "acknowledge": "acknowledge acknowledged acknowledges",
    "admit": "admit admitted admits", "ask": "ask asked asks", "reply": "reply replied replies",
    "respond": "respond responded responds", "describe": "describe described describes",
    "praise": "praise praised praises", "dismiss": "dismiss dismissed dismisses",
    "accuse": "accuse accused accuses", "promise": "promise promised promises",
    "vow": "vow vowed vows", "suggest": "suggest suggested suggests", "predict": "predict predicted predicts",
    "tweet": "tweet tweeted tweets", "recall": "recall recalled recalls", "testify": "testify testified testifies",
    "call": "called calling", "allege": "allege alleged alleges", "stress": "stress stressed stresses",
    "emphasise": "emphasise emphasised emphasize emphasized", "complain": "complain complained complains",
    "concede": "concede conceded concedes", "estimate": "estimate estimated estimates",
    "rule": "ruled", "order": "ordered",
    "announce_": "announcement", "quote": "quoted", "tell_": "telling",
}
SPEECH_VERBS: dict[str, str] = {form: lemma.rstrip("_") for lemma, forms in _SPEECH.items() for form in forms.split()}
# verbs whose object is the reported content itself ("urged closer cooperation"), not a clause
CONTENT_OBJECT_VERBS = frozenset(("urge", "urged", "urges", "praise", "praised", "praises", "dismiss", "dismissed",
                                  "dismisses", "describe", "described", "describes", "announce", "announced",
                                  "announces", "deny", "denied", "denies", "promise", "promised", "vow", "vowed",
                                  "predict", "predicted", "confirm", "confirmed", "warn", "warned", "call", "called",
                                  "calling"))

# people quoted as a group, with no name ("officials said", "local residents told reporters")
SPEAKING_GROUPS = ("officials", "authorities", "police", "sources", "witnesses", "analysts", "experts", "residents",
                   "organisers", "organizers", "rescuers", "investigators", "prosecutors", "doctors", "medics",
                   "diplomats", "observers", "economists", "scientists", "researchers", "activists", "survivors",
                   "officers", "lawmakers", "protesters", "villagers", "locals", "firefighters", "paramedics",
                   "spokespeople", "aides", "victims", "families", "forecasters", "meteorologists", "engineers",
                   "campaigners", "critics", "supporters", "voters", "parents", "teachers", "nurses", "farmers",
                   "workers", "unions", "insiders", "negotiators", "regulators", "inspectors", "judges", "jurors")
PRONOUNS_PERSON = frozenset(("he", "she", "He", "She"))
# titles and role nouns that say which pronoun fits the person after them
GENDERED_TITLES = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince", "father", "brother", "spokesman", "chairman",
                     "congressman", "businessman", "sportsman", "councilman", "uncle", "grandfather"), "he"),
    **dict.fromkeys(("mrs", "ms", "miss", "dame", "lady", "queen", "princess", "sister", "spokeswoman", "chairwoman",
                     "congresswoman", "businesswoman", "sportswoman", "councilwoman", "aunt", "grandmother"), "she"),
}
# heads of noun phrases that take speech verbs but speak for nobody ("the research suggests", "the data show")
NOT_SPEAKERS = frozenset(("research", "study", "studies", "report", "reports", "data", "findings", "survey", "surveys",
                          "analysis", "figures", "evidence", "results", "paper", "review", "poll", "polls", "statistics",
                          "numbers", "model", "models", "document", "documents", "records", "trial", "trials", "index",
                          "forecast", "estimate", "estimates"))
PRONOUNS_THING = frozenset(("it", "It", "they", "They"))

MONTHS = {m: i for i, m in enumerate(
    ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
     "November", "December"), start=1)}
MONTH_ABBREVIATIONS = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9,
                       "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# common nouns for fields of work and public concern inside the names of bodies and laws: words on both sides of
# an "and" make one name of the whole ("Fisheries and Oceans Act", "Museum and Art Gallery")
TOPIC_WORDS = frozenset("""
Art|Arts|Drug|Drugs|Securities|Exchange|Revenue|Taxation|Science|Sciences|Technology|Technologies|Heritage|Culture|Health|Healthcare|Medicines|Medicine|Trade|Industry
Industries|Tourism|Fisheries|Oceans|Ocean|Marine|Water|Energy|Environment|Education|Research|Development|Planning
Transport|Safety|Standards|Security|Justice|Defence|Defense|Finance|Agriculture|Food|Forestry|Resources|Land|Housing
Communities|Sport|Sports|Media|Innovation|Infrastructure|Employment|Labour|Labor|Welfare|Climate|Nature|Wildlife
Conservation|Archives|Records|Product|Products|Consumer|Consumers|Travellers|Travelers|Patients|Carers|Reliability
Markets|Competition|Customs|Immigration|Border|Borders|Statistics|Evaluation|Rights|Commerce|Enterprise|Investment
Mines|Mining|Minerals|Petroleum|Gas|Oil|Power|Aviation|Shipping|Ports|Roads|Highways|Works|Utilities|Telecommunications
Communications|Information|Broadcasting|Youth|Women|Children|Families|Social|Family|Aged|Care|Disability|Veterans
Fisheries|Wildlife|Parks|Recreation|Gallery|Museum|Library|Innovation|Skills|Training|Packers|Exporters|Importers
Growers|Producers|Manufacturers|Retailers|Dealers|Traders|Farmers|Workers|Employers|Nurses|Doctors|Teachers
""".replace("\n", "|").split("|")) - {""}

# common English nouns and adjectives that make up the names of firms, places and works ("Silver Ridge Power",
# "Quiet Ember"): a name made only of such words is no person's unless something else says so
COMMON_WORDS = TOPIC_WORDS | frozenset("""
Silver|Gold|Golden|Iron|Steel|Copper|Stone|Crystal|Diamond|Pearl|Coral|Amber|Ridge|Coast|Coastal|Creek|Valley|Hollow
Tide|Tides|Wave|Waves|Reef|Sand|Harbor|Harbour|Lane|Bay|River|Lake|Hill|Hills|Peak|Summit|Point|Field|Fields|Meadow
Forest|Wood|Woods|Grove|Garden|Gardens|Spring|Springs|Bridge|Gate|Tower|Haven|Port|Island|Islands|Cape|Canyon|Mesa
Sun|Sunrise|Sunset|Star|Moon|Sky|Wind|Storm|Fire|Light|Bright|Clear|Pure|True|Prime|Free|Open|Grand|Great|Little
High|Deep|Wild|Quiet|Silent|Broken|Lost|Blue|Red|Green|Black|White|Grey|Gray|Crimson|Scarlet|Northern|Southern|Eastern
Western|Central|Continental|Pacific|Atlantic|National|Global|United|Union|Unity|Liberty|Harmony|Vision|Future|Frontier
Pioneer|Heart|Spirit|Echo|Shadow|Shadows|Dream|Dreams|Salt|Honey|Ember|Ash|Rain|Snow|Ice|Frost|Flame|Dust|Cloud
Eagle|Hawk|Falcon|Kestrel|Wolf|Bear|Lion|Fox|Raven|Crow|Oak|Pine|Cedar|Maple|Willow|Rose|Crown|Royal|Empire|Kingdom
Area|Zone|Market|Network|Alliance|Partners|Group|Fund|Relief|Supply|Systems|Solutions|Services|Electric|Electrical
Logistics|Freight|Capital|Ventures|Holdings|Company|Trust|Home|Homes|House|Farm|Farms|Mill|Mills|Works|Line|Lines
""".replace("\n", "|").split("|")) - {""}

# head words of firms that supply a utility or trade, typing a name of common words ("Golden Valley Power")
UTILITY_HEADS = frozenset(("Power", "Electric", "Electricity", "Utilities", "Utility", "Water", "Gas", "Energy",
                           "Hydro", "Solar", "Wind", "Telecom", "Broadband", "Fibre", "Fiber", "Rail", "Buses", "Air",
                           "Area", "Zone", "Market", "Exchange", "Supply", "Seafood", "Foods", "Farms", "Mills"))

# place and building heads a possessive may stand before inside a name ("St Anne's Hospital", "Van Diemen's Land")
POSSESSIVE_HEADS = {"Hospital": "ORG", "College": "ORG", "School": "ORG", "Land": "LOC", "Island": "LOC",
                    "Bay": "LOC", "Church": "FAC", "Cathedral": "FAC", "Park": "FAC", "Square": "FAC", "Wharf": "FAC",
                    "Quay": "FAC", "Point": "LOC", "Head": "LOC", "Inn": "FAC", "Abbey": "FAC", "Chapel": "FAC"}

# words before "Centre" or "Center" that make it a building people go to (FAC), not the body that works in it
FACILITY_CENTRE_USES = frozenset(("Community", "Leisure", "Shopping", "Convention", "Exhibition", "Sports", "Aquatic",
                                  "Civic", "Visitor", "Visitors", "Conference", "Evacuation", "Recreation", "Cultural",
                                  "Performing", "Trade", "Distribution", "Data", "Arts", "Youth", "Senior", "Town"))

# capitalised words that start sentences or headings but are not names
NOT_NAMES = frozenset("""
The|A|An|This|That|These|Those|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|In|On|At|By|For|From|To|With
Without|After|Before|During|Since|Until|While|When|Where|What|Which|Who|Why|How|But|And|Or|Nor|So|Yet|If|As|Than|Then
There|Here|Some|Many|Most|More|Much|All|Both|Each|Every|No|Not|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Also
However|Meanwhile|Although|Though|Despite|According|Last|Next|Earlier|Later|Now|Today|Yesterday|Tomorrow|Tonight
Other|Another|Such|Only|Even|Just|Still|Already|Never|Ever|Once|Twice|Because|Unless|Whether|Like|Under|Over|Into
About|Around|Among|Between|Through|Against|Along|Across|Behind|Beyond|Near|Off|Out|Up|Down|Be|Is|Are|Was|Were|Has
Have|Had|Do|Does|Did|Will|Would|Can|Could|Should|May|Might|Must|Shall|Let|Please|Yes|Mr|Mrs|Ms|Dr|Read|Share|Comments
Photo|Video|Image|Updated|Published|Advertisement|Related|Sign|Subscribe|Click|Follow|See|Watch|Listen|Breaking|Live
Comment|Write|Press|Source|Sources|Officials|Police|Authorities|Residents|Experts|Analysts|Critics|Many|Several|Few
Asked|Speaking|Addressing|Writing|Reporting|Overall|Instead|Indeed|Finally|First|Second|Third|Still|Further|Thus
Shares|Sales|Profits|Revenue|Prices|Fans|Supporters|Workers|Thousands|Hundreds|Dozens|Millions|Members
""".replace("\n", "|").split("|")) - {""}

# connectors allowed inside a multi-word name ("Bank of England", "Leonardo da Vinci")
NAME_CONNECTORS = frozenset(("of", "de", "da", "di", "del", "der", "van", "von", "la", "le", "al", "bin", "ibn",
                             "and", "for", "the", "du", "dos", "el", "des", "do", "das", "della", "delle", "dei",
                             "degli", "den", "het", "zu", "zum", "zur"))

# event triggers by ontology type: surface forms; events.py says which need a context word nearby
EVENT_TRIGGERS: dict[str, tuple[str, ...]] = {
    "Conflict.Attack": ("attack", "attacks", "attacked", "attacking", "strike", "strikes", "struck", "airstrike",
                        "airstrikes", "air strike", "air strikes", "missile strike", "missile strikes", "shelling",
                        "shelled", "bombing", "bombings", "bombed", "bombardment", "invasion", "invaded", "invade",
                        "assault", "assaults", "assaulted", "raid", "raids", "offensive", "shot at", "opened fire",
                        "fired", "stabbed", "stabbing", "shooting", "shootings", "gunfire", "ambush", "ambushed", "hit",
                        "pummeled", "pummelled", "targeted", "barrage", "rammed", "set fire to", "firebombed"),
    "Conflict.Intercept": ("shot down", "downed", "intercepted", "intercept", "interception", "shoot down"),
    "Conflict.Damage": ("damaged", "destroyed", "damage", "destruction", "wrecked", "razed", "burned down",
                        "vandalised", "vandalized"),
    "Conflict.Defeat": ("defeat", "defeats", "defeated", "setback", "setbacks", "retreat", "retreated", "routed"),
    "Conflict.Demonstrate": ("protest", "protests", "protested", "protesters", "protestors", "demonstration",
                             "demonstrations", "demonstrators", "rally", "rallies", "march", "marched", "walkout"),
    "Life.Die": ("killed", "killing", "killings", "kills", "died", "dies", "dead", "death", "deaths", "death toll",
                 "fatalities", "murdered", "murder", "slain", "perished", "executed", "lost their lives",
                 "passed away", "fatally"),
    "Life.Injure": ("wounded", "injured", "injuring", "injuries", "hurt", "wounding", "injures"),
    "Contact.Meet": ("met", "meet", "meets", "meeting", "meetings", "talks", "summit", "negotiations", "held talks",
                     "sat down with", "hosted", "conference"),
    "Contact.Phone-Write": ("phone call", "telephone call", "spoke by phone", "call with", "letter", "wrote to",
                            "video call", "videoconference", "video link", "emailed", "phoned", "texted"),
    "Contact.Broadcast": ("address", "addressed", "speech", "press conference", "news conference", "broadcast",
                          "televised", "statement", "interview", "press briefing"),
    "Movement.Transport": ("visit", "visited", "visiting", "trip", "arrived", "arrive", "arriving", "traveled",
                           "travelled", "flew", "landed", "returned", "evacuated", "fled", "moved", "sent",
                           "deported", "relocated"),
    "Military.Exercise": ("drills", "drill", "exercises", "military exercise", "war games", "manoeuvres", "maneuvers"),
    "Military.Deploy": ("deployed", "deployment", "deploy", "stationed", "troops were sent", "reinforcements",
                        "mobilised", "mobilized", "mobilisation", "mobilization"),
    "Infrastructure.Outage": ("outage", "outages", "blackout", "blackouts", "power cut", "power cuts", "cut off",
                              "without power", "without electricity", "shortages", "shutdowns"),
    "Infrastructure.Restore": ("restored", "restoring", "reconnected", "back online"),
    "Business.Start-Org": ("formed", "formation", "founded", "established", "launched", "set up", "created"),
    "Business.Merge-Org": ("merger", "merged", "merge", "unification", "unify", "acquisition", "takeover"),
    "Transaction.Transfer-Ownership": ("supply", "supplied", "supplying", "delivered", "delivery", "deliveries",
                                       "sold", "sell", "bought", "buy", "acquired", "purchase", "purchased",
                                       "donated", "provided", "shipped", "shipments", "transferred"),
    "Transaction.Transfer-Money": ("paid", "pay", "pays", "payment", "payments", "loan", "loans", "funding", "funded",
                                   "grant", "aid package", "financial aid", "donation", "invested", "investment",
                                   "raised", "bailout", "spent", "fee"),
    "Personnel.Start-Position": ("appointed", "named as", "hired", "took office", "sworn in", "signed",
                                 "joined", "promoted to", "took over as"),
    "Personnel.End-Position": ("resigned", "resignation", "fired", "sacked", "stepped down", "ousted", "dismissed",
                               "retired", "quit", "left office", "laid off", "layoffs", "job cuts"),
    "Personnel.Elect": ("elected", "re-elected", "reelected", "election", "won the election", "voted"),
    "Justice.Arrest-Jail": ("arrested", "arrest", "arrests", "detained", "detention", "jailed", "imprisoned",
                            "custody", "remanded", "taken into custody"),
    "Justice.Sanction": ("sanctions", "sanctioned", "sanction", "penalty", "penalties", "banned", "embargo",
                         "imposed", "penalised", "penalized", "blacklisted"),
    "Life.Be-Born": ("born", "gave birth", "giving birth"),
    "Life.Marry": ("married", "marry", "marries", "marrying", "wedding", "wed", "weds", "tied the knot"),
    "Life.Divorce": ("divorced", "divorce", "divorces", "divorcing", "divorce proceedings"),
    "Business.Declare-Bankruptcy": ("bankruptcy", "bankrupt", "bankruptcies", "insolvency", "insolvent",
                                    "receivership", "went bust", "filed for bankruptcy"),
    "Business.End-Org": ("shut down", "closed", "closure", "dissolved", "disbanded", "folded", "shuttered",
                         "went out of business", "ceased operations", "ceased trading", "liquidated", "liquidation",
                         "wound up"),
    "Personnel.Nominate": ("nominated", "nominate", "nominates", "nominating", "nominee", "nomination"),
    "Justice.Release-Parole": ("paroled", "parole", "released on parole", "released on bail", "freed on bail",
                               "granted bail", "released from prison", "released from jail", "released from custody",
                               "freed from prison", "freed from jail", "freed from custody", "freed"),
    "Justice.Trial-Hearing": ("trial", "trials", "retrial", "stand trial", "stood trial", "on trial", "hearing",
                              "hearings", "arraigned", "arraignment", "appeared in court", "ruled", "ruling",
                              "rulings"),
    "Justice.Charge-Indict": ("charged", "charges", "indicted", "indictment", "indict", "indicts", "pressed charges"),
    "Justice.Sue": ("sued", "sue", "sues", "suing", "lawsuit", "lawsuits", "filed suit", "filed a suit",
                    "class action", "class-action", "legal action", "suit"),
    "Justice.Convict": ("convicted", "conviction", "convictions", "found guilty", "guilty verdict"),
    "Justice.Sentence": ("sentenced", "sentencing", "sentence", "prison sentence", "jail sentence", "prison term",
                         "jail term", "life sentence", "death sentence", "suspended sentence"),
    "Justice.Fine": ("fined", "fine", "fines"),
    "Justice.Execute": ("execution", "executions", "put to death", "lethal injection", "firing squad", "hanged"),
    "Justice.Extradite": ("extradited", "extradite", "extradites", "extraditing", "extradition"),
    "Justice.Acquit": ("acquitted", "acquittal", "acquit", "found not guilty", "cleared of"),
    "Justice.Appeal": ("appeal", "appeals", "appealed", "appealing"),
    "Justice.Pardon": ("pardoned", "pardon", "pardons", "clemency", "commuted"),
    "Policy.Enact": ("signed into law", "enacted", "enact", "enacts", "vetoed", "veto", "vetoes", "passed",
                     "approved", "adopted", "blocked", "struck down", "overturned", "repealed", "repeal", "ratified",
                     "outlawed", "decreed"),
    "Competition.Result": ("beat", "beats", "beating", "won", "win", "wins", "lost", "loses", "victory", "drew",
                           "draw", "thrashed", "edged", "eliminated", "knocked out", "clinched", "triumphed"),
}

# words that, just before a trigger, mark its modality
HYPOTHETICAL_CUES = frozenset(("would", "could", "might", "may", "will", "if", "plan", "plans", "planned",
                               "threatened", "threatens", "intends", "intend", "possible", "possibly",
                               "potential", "fears", "feared", "prepare", "preparing", "expected", "likely",
                               "speculation", "whether", "planning", "seeks", "sought", "aims", "wants"))
NEGATION_CUES = frozenset(("not", "no", "never", "denied", "denies", "deny", "without", "n't", "nor"))


def _countries() -> tuple[dict[str, str], dict[str, str]]:
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        names, _, adjectives = line.partition("|")
        all_names = names.split("=")
        for name in all_names:
            countries[name] = all_names[0]
        for adjective in adjectives.split("/"):
            if adjective:
                demonyms[adjective] = all_names[0]
    for word in _OTHER_NORP + _STATE_DEMONYMS:
        demonyms.setdefault(word, word)
    return countries, demonyms


COUNTRIES, DEMONYMS = _countries()
