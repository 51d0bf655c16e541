"""The built-in strategy (kemi-2022-2025.yaml) as parsed data: written by
``tools/compile_strategy.py``, never by hand (see ``loader._parse``)."""

from typing import Any

SOURCE_SHA256 = "65f5e515f1486650f6f5c467fa3476a1947a7c15281cdedeb41ae4ecf5bc5f83"

DATA: Any = {'schema_version': 1,
 'id': 'kemi-2022-2025',
 'name': 'Kemin kaupunkistrategia 2022–2025',
 'organisation': 'Kemin kaupunki',
 'approved': 'KV 31.1.2022 § 3',
 'period_start': 2022,
 'period_end': 2025,
 'vision': 'Elinvoimainen ja viihtyisä kotikaupunki Kemi',
 'mission': ['Kemi, enemmän kuin kaupunki',
             'Kemi yhteisönä mahdollistaa ja edistää',
             'yhdessä kumppaneidensa kanssa hyvää elämää ja alueensa elinvoimaa.',
             'Kemi järjestää asukkailleen palvelut yhteiskunnallisesti, taloudellisesti, '
             'sosiaalisesti, kulttuurisesti ja ympäristölle kestävällä tavalla.'],
 'values': [{'name': 'Ihmisläheisyys',
             'text': ['Ihmisläheisyyttä on avoimuus, välittäminen, kuunteleminen ja asukkaidemme '
                      'tarpeiden ymmärtäminen.',
                      'Olemme olemassa asukkaitamme varten.',
                      'Edistämme suvaitsevaisuutta ja yhdenvertaisuutta.']},
            {'name': 'Luovuus',
             'text': ['Luovuus on rohkeutta uudistua, rikkoa rajoja ja tuottaa uutta.',
                      'Ideoimme yhdessä, etsimme ratkaisuja kokeillen ja olemme avoimina uusille '
                      'tuulille.',
                      'Muutos tulee todeksi vain tekemällä.']},
            {'name': 'Vastuullisuus',
             'text': ['Vastuullisuus on välittämistä.',
                      'Vastuullamme on yhteiskunnallinen, taloudellinen, sosiaalinen ja '
                      'kulttuurinen sekä ympäristön kestävyys.',
                      'Pidämme lupauksemme ja olemme luotettava kumppani.']}],
 'status_scale': [{'name': 'Toteutunut',
                   'phrase': 'on toteutunut',
                   'completed': True,
                   'color': '#C6EFCE',
                   'description': 'Valitse tämä, kun toimenpide on tehty kokonaan ja sen tavoite '
                                  'on saavutettu.'},
                  {'name': 'Etenee suunnitellusti',
                   'phrase': 'etenee suunnitellusti',
                   'color': '#DDEBF7',
                   'description': 'Valitse tämä, kun toimenpide on käynnissä ja etenee aikataulun '
                                  'ja suunnitelman mukaisesti.'},
                  {'name': 'Viivästynyt',
                   'phrase': 'on viivästynyt',
                   'needs_explanation': True,
                   'color': '#FFEB9C',
                   'description': 'Valitse tämä, kun toimenpide on käynnissä mutta on jäljessä '
                                  'aikataulusta tai suunnitelmasta.'},
                  {'name': 'Ei käynnistynyt',
                   'phrase': 'ei ole käynnistynyt',
                   'needs_explanation': True,
                   'color': '#E7E6E6',
                   'description': 'Valitse tämä, kun toimenpidettä ei ole vielä aloitettu.'},
                  {'name': 'Keskeytetty',
                   'phrase': 'on keskeytetty',
                   'needs_explanation': True,
                   'color': '#FFC7CE',
                   'description': 'Valitse tämä, kun toimenpiteen toteutus on lopetettu tai '
                                  'keskeytetty eikä sitä tällä hetkellä jatketa.'}],
 'sdg': {1: 'Ei köyhyyttä',
         2: 'Ei nälkää',
         3: 'Terveyttä ja hyvinvointia',
         4: 'Hyvä koulutus',
         5: 'Sukupuolten tasa-arvo',
         6: 'Puhdas vesi ja sanitaatio',
         7: 'Edullista ja puhdasta energiaa',
         8: 'Ihmisarvoista työtä ja talouskasvua',
         9: 'Kestävää teollisuutta, innovaatioita ja infrastruktuureja',
         10: 'Eriarvoisuuden vähentäminen',
         11: 'Kestävät kaupungit ja yhteisöt',
         12: 'Vastuullista kuluttamista',
         13: 'Ilmastotekoja',
         14: 'Vedenalainen elämä',
         15: 'Maanpäällinen elämä',
         16: 'Rauha, oikeudenmukaisuus ja hyvä hallinto',
         17: 'Yhteistyö ja kumppanuus'},
 'departments': [{'code': 'YMP', 'name': 'Ympäristötoimiala', 'seed_name': 'ympäristö'},
                 {'code': 'KV', 'name': 'Keskusvirasto', 'seed_name': 'keskusvirasto'},
                 {'code': 'HYV', 'name': 'Hyvinvointitoimiala', 'seed_name': 'hyvinvointi'},
                 {'code': 'PT', 'name': 'Perusturvatoimiala', 'seed_name': 'perusturva'},
                 {'code': 'EV', 'name': 'Elinvoimatoimiala', 'seed_name': 'elinvoima'}],
 'goals': [{'code': 'EK',
            'name': 'Elinvoimainen kaupunki',
            'aliases': [],
            'description': ['Vihreä ja kestävä Kemi lisää vetovoimaamme sekä torjuu '
                            'ilmastonmuutosta.',
                            'Kaupunkiympäristömme on kaunis, turvallinen ja vetovoimainen paikka '
                            'kohtaamisille. Asuinalueemme ovat houkuttelevia ja asumismuodot '
                            'monipuolisia.',
                            'Kaupunkimme yritys ympäristö on kilpailukykyinen, vetovoimainen ja '
                            'elinkeino- rakenteeltaan monipuolinen.',
                            'Uudistuvat kaupalliset palvelut, ympärivuotinen ja merellinen '
                            'matkailu sekä bio- ja kiertotalous, luovat vetovoimaa ja uusia '
                            'työpaikkoja.',
                            'Olemme uudistuva kunta, jonka kuntatalous on kestävällä pohjalla.'],
            'objectives': [{'code': 'EK-1',
                            'text': 'Vihreä ja kestävä Kemi lisää vetovoimaamme sekä torjuu '
                                    'ilmastonmuutosta.'},
                           {'code': 'EK-2',
                            'text': 'Kaupunkiympäristömme on kaunis, turvallinen ja vetovoimainen '
                                    'paikka kohtaamisille.'},
                           {'code': 'EK-3',
                            'text': 'Asuinalueemme ovat houkuttelevia ja asumismuodot '
                                    'monipuolisia.'},
                           {'code': 'EK-4',
                            'text': 'Kaupunkimme yritysympäristö on kilpailukykyinen. Olemme '
                                    'vetovoimainen ja elinkeinorakenteeltaan monipuolinen.'},
                           {'code': 'EK-5',
                            'text': 'Uudistuvat kaupalliset palvelut, ympärivuotinen ja '
                                    'merellinen matkailu sekä bio- ja kiertotalous, luovat '
                                    'vetovoimaa ja uusia työpaikkoja.'},
                           {'code': 'EK-6',
                            'text': 'Olemme uudistuva kunta, jonka kuntatalous on kestävällä '
                                    'pohjalla.'}]},
           {'code': 'HK',
            'name': 'Hyvinvoivat kuntalaiset',
            'aliases': ['Hyvinvoivat asukkaat'],
            'description': ['Tuemme ja edistämme kuntalaisten terveyttä, toimintakykyä, '
                            'hyvinvointia ja sivistystä kumppaneidemme kanssa.',
                            'Vahvistamme yhteisöllisyyttä ja yhteenkuuluvuutta kuulemalla ja '
                            'osallistamalla kuntalaisia.',
                            'Kehitämme koulutustarjontaa ja -polkuja, mahdollistamme osaamisen '
                            'kasvun.',
                            'Rakennamme vahvoja kumppanuuksia järjestötoimijoiden kanssa.',
                            'Monipuoliset vapaa-ajanpalvelut luovat hyvinvointia ja vetovoimaa.'],
            'objectives': [{'code': 'HK-1',
                            'text': 'Tuemme ja edistämme kuntalaisten terveyttä, toimintakykyä, '
                                    'hyvinvointia ja sivistystä kumppaneidemme kanssa'},
                           {'code': 'HK-2',
                            'text': 'Vahvistamme yhteisöllisyyttä ja yhteenkuuluvuutta kuulemalla '
                                    'ja osallistamalla kuntalaisia.'},
                           {'code': 'HK-3',
                            'text': 'Kehitämme koulutustarjontaa ja -polkuja, mahdollistamme '
                                    'osaamisen kasvun.'},
                           {'code': 'HK-4',
                            'text': 'Rakennamme vahvoja kumppanuuksia järjestötoimijoiden '
                                    'kanssa.'},
                           {'code': 'HK-5',
                            'text': 'Monipuoliset vapaa-ajanpalvelut luovat vetovoimaa ja '
                                    'hyvinvointia'}]},
           {'code': 'SA',
            'name': 'Sujuva arki',
            'aliases': [],
            'description': ['Sujuva ja turvallinen arki synnyttää vetovoimaa ja monipuolistaa '
                            'sekä vahvistaa väestörakennetta.',
                            'Olemme avoin ja luotettava arjen kumppani.',
                            'Palvelumme ovat vaikuttavia, saavutettavia ja asiakaslähtöisiä.',
                            'Liikkuminen on esteetöntä ja palvelut helposti saatavilla.',
                            'Viestimme toiminnastamme selkeästi, ymmärrettävästi ja ennakoivasti'],
            'objectives': [{'code': 'SA-1',
                            'text': 'Sujuva, turvallinen ja mutkaton arki synnyttää vetovoimaa ja '
                                    'monipuolistaa sekä vahvistaa väestörakennetta.'},
                           {'code': 'SA-2', 'text': 'Olemme avoin ja luotettava arjen kumppani.'},
                           {'code': 'SA-3',
                            'text': 'Palvelumme ovat vaikuttavia, saavutettavia ja '
                                    'asiakaslähtöisiä.'},
                           {'code': 'SA-4',
                            'text': 'Liikkuminen on esteetöntä ja palvelut helposti saatavilla.'},
                           {'code': 'SA-5',
                            'text': 'Viestimme toiminnastamme selkeästi, ymmärrettävästi ja '
                                    'ennakoivasti'}]}],
 'tables': [{'goal': 'HK',
             'department': 'PT',
             'sdg': [1, 2, 3, 4, 5, 8, 10, 11, 16, 17],
             'notes': 'Taulukon SDG-sarakkeessa on jokaisella rivillä kaksi tavoitetta nousevassa '
                      'järjestyksessä (1, 2 / 3, 4 / 5, 8 / 10, 11 / 16, 17) riippumatta rivin '
                      'sisällöstä (esimerkiksi tyhjälle toimenpiteelle HK-PT-02 osuvat 3 ja 4, '
                      'terveyspalvelujen rivi HK-PT-01 saa 1 ja 2): se on koko taulukon '
                      'kuvakeluettelo, joka on rivittynyt taulukon riveille. Siksi tavoitteet '
                      'koskevat koko taulukkoa eikä yksittäistä riviä.'}],
 'actions': [{'id': 'EK-YMP-01',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-1'],
              'toimenpiteet': 'CO2 kasvihuonepäästöjen vähentäminen.',
              'vastuu': 'Ympäristöpäällikkö/jatkuva',
              'mittarit': 'Hiilidioksidi (CO2) päästöjen kehitys.',
              'sdg': []},
             {'id': 'EK-YMP-02',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-2'],
              'toimenpiteet': 'Kevyen liikenteen verkon kehittäminen laatimalla '
                              'pyöräkaistasuunnitelma.',
              'vastuu': 'Ympäristöjohtaja/2022',
              'mittarit': 'Valmiit suunnitelmat/toteutus',
              'sdg': [],
              'notes': 'Taulukon 2. rivillä oli kolme toimenpidettä ja vastuusolussa kolme kertaa '
                       "'Ympäristöjohtaja/2022'; rivi jaettu kolmeksi (EK-YMP-02–04). Yhteinen "
                       "mittari 'Valmiit suunnitelmat/toteutus' on toistettu jokaisella rivillä."},
             {'id': 'EK-YMP-03',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-2'],
              'toimenpiteet': 'Suojatiesuunnitelman laatiminen.',
              'vastuu': 'Ympäristöjohtaja/2022',
              'mittarit': 'Valmiit suunnitelmat/toteutus',
              'sdg': [],
              'notes': "Erotettu taulukon 2. rivistä (ks. EK-YMP-02). Yhteinen mittari 'Valmiit "
                       "suunnitelmat/toteutus' toistettu."},
             {'id': 'EK-YMP-04',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-2'],
              'toimenpiteet': 'Ruutipuiston perusparannus.',
              'vastuu': 'Ympäristöjohtaja/2022',
              'mittarit': 'Valmiit suunnitelmat/toteutus',
              'sdg': [],
              'notes': "Erotettu taulukon 2. rivistä (ks. EK-YMP-02). Yhteinen mittari 'Valmiit "
                       "suunnitelmat/toteutus' toistettu."},
             {'id': 'EK-YMP-05',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-3'],
              'toimenpiteet': 'Nauskan, Myllyniemen, Satamakankaan ja Peurasaaren asuntoalueiden '
                              'suunnittelu',
              'vastuu': 'Ympäristöjohtaja/2022-2023',
              'mittarit': 'Valmiit suunnitelmat.',
              'sdg': []},
             {'id': 'EK-YMP-06',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-4'],
              'toimenpiteet': 'Yritystonttien suunnitelman laatiminen kaavoituksen pohjalta. '
                              'Yhteiskäyttöisten etätyötilojen selvitys.',
              'vastuu': 'Ympäristöjohtaja /jatkuva',
              'mittarit': '',
              'sdg': [],
              'seed_tavoite': 'Kaupunkimme yritys ympäristö on kilpailukykyinen. Olemme '
                              'vetovoimainen ja elinkeinorakenteeltaan monipuolinen.',
              'notes': 'Solussa oli kolme toimenpidettä ja kaksi vastuuhenkilöä '
                       "('Ympäristöjohtaja /jatkuva Johtava rakennustarkastaja'): "
                       'rakennuslupamenettely erotettu johtavan rakennustarkastajan riviksi '
                       'EK-YMP-07, muut kaksi toimenpidettä jätetty ympäristöjohtajalle '
                       "(järjestys muuttui). Taulukon rivin ainoa mittari 'Lupakäsittelyn "
                       "pituus/vrk.' mittaa vain rakennuslupamenettelyä, joten se on vain rivillä "
                       'EK-YMP-07; tämän rivin toimenpiteille (yritystonttien suunnitelma, '
                       'etätyötilojen selvitys) taulukossa ei ole mittaria. Tavoitteen painettu '
                       "muoto 'yritys ympäristö' on kentässä seed_tavoite."},
             {'id': 'EK-YMP-07',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-4'],
              'toimenpiteet': 'Rakennuslupamenettelyn tehostaminen.',
              'vastuu': 'Johtava rakennustarkastaja',
              'mittarit': 'Lupakäsittelyn pituus/vrk.',
              'sdg': [],
              'seed_tavoite': 'Kaupunkimme yritys ympäristö on kilpailukykyinen. Olemme '
                              'vetovoimainen ja elinkeinorakenteeltaan monipuolinen.',
              'notes': 'Erotettu taulukon 4. rivistä (ks. EK-YMP-06); vastuuna solun toinen '
                       "nimike 'Johtava rakennustarkastaja', jolle ei ole painettu aikataulua. "
                       "Rivin mittari 'Lupakäsittelyn pituus/vrk.' mittaa tämän rivin "
                       'rakennuslupamenettelyä, joten se on vain tällä rivillä.'},
             {'id': 'EK-YMP-08',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-5'],
              'toimenpiteet': 'Sahansaaren biotuotetehtaan vaatiman infran toteuttaminen.',
              'vastuu': 'Ympäristöjohtaja/2022-2023',
              'mittarit': 'Hankkeen valmistuminen.',
              'sdg': []},
             {'id': 'EK-YMP-09',
              'goal': 'EK',
              'department': 'YMP',
              'objectives': ['EK-6'],
              'toimenpiteet': 'Tavoiteorganisaation suunnitelma organisaatiomuutoksen pohjalta.',
              'vastuu': 'Ympäristöjohtaja/2022',
              'mittarit': 'Valmis suunnitelma. Toteuma TA:n mukainen.',
              'sdg': []},
             {'id': 'EK-KV-01',
              'goal': 'EK',
              'department': 'KV',
              'objectives': ['EK-1'],
              'toimenpiteet': 'Ympäristösertifikaattityö, vihreän siirtymän hankkeet, '
                              'tiedottaminen ja opastus',
              'vastuu': 'Kestävän kehityksen koordinaattori Jatkuvaa toimintaa.',
              'mittarit': 'Sertifioidut uudet yksiköt x kpl Auditointiraportit',
              'sdg': [],
              'seed_tavoite': 'Vihreä ja kestävä Kemi lisää vetovoimaamme sekä torjuu '
                              'ilmastomuutosta.',
              'notes': "Taulukon tavoitetekstissä kirjoitusvirhe 'ilmastomuutosta' (oikein "
                       "'ilmastonmuutosta'); rivi viittaa tavoitteeseen EK-1 ja painettu teksti "
                       'on kentässä seed_tavoite.'},
             {'id': 'EK-KV-02',
              'goal': 'EK',
              'department': 'KV',
              'objectives': ['EK-2'],
              'toimenpiteet': 'Viestintä ja markkinointi em. tavoitteista ja toiminnasta. '
                              'Vetovoimaohjelma.',
              'vastuu': 'Hallinto- ja kehitysjohtaja / viestintätiimi Jatkuvaa toimintaa',
              'mittarit': 'Kyselyt ja tutkimukset. Ohjelman toimeenpano',
              'sdg': []},
             {'id': 'EK-KV-03',
              'goal': 'EK',
              'department': 'KV',
              'objectives': ['EK-3'],
              'toimenpiteet': 'Viestintä ja markkinointi em. Tavoitteista ja toiminnasta',
              'vastuu': 'Hallinto- ja kehitysjohtaja / viestintätiimi Jatkuvaa toimintaa',
              'mittarit': 'Kyselyt ja tutkimukset',
              'sdg': []},
             {'id': 'EK-KV-04',
              'goal': 'EK',
              'department': 'KV',
              'objectives': ['EK-4'],
              'toimenpiteet': 'Viestintä ja markkinointi em. Tavoitteista ja toiminnasta. '
                              'Strateginen maankäytön ohjaus ja suunnitelma.',
              'vastuu': 'Hallinto- ja kehitysjohtaja / viestintätiimi Jatkuvaa toimintaa',
              'mittarit': '(Syntyneet uudet työpaikat ja yritykset, mittari EV tavoitteissa)',
              'sdg': [],
              'seed_tavoite': 'Kaupunkimme yritys ympäristö on kilpailukykyinen. Olemme '
                              'vetovoimainen ja elinkeinorakenteeltaan monipuolinen.',
              'notes': "Taulukon tavoitetekstissä 'yritys ympäristö' (kanoninen muoto "
                       "'yritysympäristö'); painettu teksti on kentässä seed_tavoite. Kaksi "
                       'toimenpidettä samalla vastuulla, pidetty yhtenä rivinä.'},
             {'id': 'EK-KV-05',
              'goal': 'EK',
              'department': 'KV',
              'objectives': ['EK-5'],
              'toimenpiteet': 'Konserniohjaus ja valvonta: Kemin Matkailu Oy ja Digipolis Oy',
              'vastuu': 'Kaupunginjohtaja',
              'mittarit': '(Syntyneet uudet työpaikat ja yritykset, mittari EV tavoitteissa)',
              'sdg': []},
             {'id': 'EK-KV-06',
              'goal': 'EK',
              'department': 'KV',
              'objectives': ['EK-6'],
              'toimenpiteet': 'Talouden tasapainottamissuunnitelmat ja budjetti. '
                              'Tavoiteorganisaation suunnitelma',
              'vastuu': 'Talouspäällikkö Vuosittainen prosessi',
              'mittarit': 'Kertyneen alijäämän poistaminen suunnitelmakaudella',
              'sdg': [],
              'notes': "Korjattu kirjoitusvirheet: 'Taluspäällikkö' → 'Talouspäällikkö' ja "
                       "'Vuositainen' → 'Vuosittainen'."},
             {'id': 'EK-HYV-01',
              'goal': 'EK',
              'department': 'HYV',
              'objectives': ['EK-1'],
              'toimenpiteet': 'Ympäristösertifiointi laajenee päiväkodeille',
              'vastuu': 'Varhaiskasvatuspäällikkö 2022',
              'mittarit': 'Vähintään puolet päiväkodeista auditoitu vuoden 2022 aikana.',
              'sdg': [],
              'seed_tavoite': 'Vihreä ja kestävä Kemi lisää vetovoimaamme sekä sekä torjuu '
                              'ilmastonmuutosta.',
              'notes': 'Sarakkeittain painettu taulukko (6 tavoitetta, 6 toimenpidettä, 6 '
                       'vastuuta, 6 mittaria): rivit koottu kappaleiden järjestyksen mukaan, tämä '
                       "rivi = 1. kappaleet. Tavoitetekstissä toistuu 'sekä sekä'; painettu "
                       'teksti on kentässä seed_tavoite.'},
             {'id': 'EK-HYV-02',
              'goal': 'EK',
              'department': 'HYV',
              'objectives': ['EK-2'],
              'toimenpiteet': 'Laajennetaan ISO 45001 työterveys- ja työturvallisuussertifikaatti '
                              'koskemaan kaikkia kouluja.',
              'vastuu': 'Johtava rehtori 2022',
              'mittarit': 'Kaikki koulut on auditoitu vuoden 2022 loppuun mennessä',
              'sdg': [],
              'notes': 'Rivi = sarakkeiden 2. kappaleet: ISO 45001 -työturvallisuussertifiointi '
                       "on järjestyksen mukaan liitetty tavoitteeseen EK-2 ('turvallinen' "
                       'kaupunkiympäristö); sisällöltään se on sertifiointia kuten rivi '
                       'EK-HYV-01.'},
             {'id': 'EK-HYV-03',
              'goal': 'EK',
              'department': 'HYV',
              'objectives': ['EK-3'],
              'toimenpiteet': 'Palveluverkko tarkastelu',
              'vastuu': 'Hyvinvointijohtaja',
              'mittarit': 'Asiantuntijana elinvoimatoimialan suunnittelutyössä',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 3. kappaleista.'},
             {'id': 'EK-HYV-04',
              'goal': 'EK',
              'department': 'HYV',
              'objectives': ['EK-4'],
              'toimenpiteet': 'Kulttuuriyrittäjyyden kehittäminen yhdessä elinvoiman kanssa',
              'vastuu': 'Vapaa-aikapäällikkö',
              'mittarit': 'Uudet yritykset',
              'sdg': [],
              'seed_tavoite': 'Kaupunkimme yritys ympäristö on kilpailukykyinen. Olemme '
                              'vetovoimainen ja elinkeinorakenteeltaan monipuolinen.',
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 4. kappaleista. '
                       "Korjattu kirjoitusvirhe: 'Vapaa-aika päällikkö' → 'Vapaa-aikapäällikkö'; "
                       "tavoitteen painettu muoto ('yritys ympäristö') on kentässä seed_tavoite."},
             {'id': 'EK-HYV-05',
              'goal': 'EK',
              'department': 'HYV',
              'objectives': ['EK-5'],
              'toimenpiteet': 'Kulttuuri/vapaa-aikapalvelujen tuotteistaminen ja paketointi',
              'vastuu': 'Vapaa-aikapäällikkö',
              'mittarit': 'Tuotteistettujen palvelujen myyntimäärät',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 5. kappaleista.'},
             {'id': 'EK-HYV-06',
              'goal': 'EK',
              'department': 'HYV',
              'objectives': ['EK-6'],
              'toimenpiteet': 'Päiväkoti ja kouluverkko työ, ryhmäkokojen tasaaminen. Palvelujen '
                              'tuotantotapojen uudistaminen vastaamaan asukas pohjaa teatteri, '
                              'musiikkitoimi jne, Tavoiteorganisaation suunnitelma',
              'vastuu': 'Toimialajohtaja, tulosaluepäälliköt ja lähiesihenkilöt',
              'mittarit': 'Toteuma TA:n mukainen; ryhmäkoko ka',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 6. kappaleista.'},
             {'id': 'EK-PT-01',
              'goal': 'EK',
              'department': 'PT',
              'objectives': ['EK-1'],
              'toimenpiteet': 'Ikävihreä Pruntsin toimintamallin vakiinnuttaminen koko Pruntsin '
                              'korttelialueella',
              'vastuu': 'Hoiva- ja hoitotyön päällikkö 2022 alkaen',
              'mittarit': 'Itsearviointi käytössä olevat toimintamallit',
              'sdg': [],
              'seed_tavoite': 'Vihreä ja kestävä Kemi lisää vetovoimaamme sekä torjuu '
                              'ilmastomuutosta.',
              'notes': "Taulukon tavoitetekstissä kirjoitusvirhe 'ilmastomuutosta' (oikein "
                       "'ilmastonmuutosta'); rivi viittaa tavoitteeseen EK-1 ja painettu teksti "
                       'on kentässä seed_tavoite.'},
             {'id': 'EK-PT-02',
              'goal': 'EK',
              'department': 'PT',
              'objectives': ['EK-2', 'EK-3'],
              'toimenpiteet': 'Tuetaan välimuotoisen asumispalvelun kehittymistä. Kehitetään '
                              'ikäystävällisiä asuinalueita',
              'vastuu': 'Hoiva- ja hoitotyön päällikkö, sosiaalityön päällikkö, 2022 alkaen',
              'mittarit': 'Tuetun asumisen asukkaiden määrä,',
              'sdg': [],
              'notes': 'Taulukon tavoitesolussa ovat molemmat tavoitteet EK-2 ja EK-3 samassa '
                       'solussa, joten rivi raportoi kumpaankin. Kaksi toimenpidettä yhteisellä '
                       'vastuulla ja mittarilla, pidetty yhtenä rivinä.'},
             {'id': 'EK-PT-03',
              'goal': 'EK',
              'department': 'PT',
              'objectives': ['EK-4'],
              'toimenpiteet': '',
              'vastuu': 'Perusturvajohtaja',
              'mittarit': 'Asiantuntijana elinvoimatoimialan suunnittelutyössä',
              'sdg': [],
              'notes': 'Toimenpiteet-solu on taulukossa tyhjä; rivi on säilytetty tyhjällä '
                       'toimenpiteellä, koska vastuu ja mittari on annettu.'},
             {'id': 'EK-PT-04',
              'goal': 'EK',
              'department': 'PT',
              'objectives': ['EK-5'],
              'toimenpiteet': 'Kehitetään kohtaamispaikkoja erilaisiin tarpeisiin '
                              'kaikenikäisille, Mahdollistetaan yksityinen palvelutuotanto '
                              'julkisen sektorin rinnalla monituottajamallilla.',
              'vastuu': 'Perusturvajohtaja',
              'mittarit': 'Kohtaamispaikkojen kävijämäärä ja ikäjakauma Yksityisten '
                          'palvelutuottajien määrä',
              'sdg': [],
              'notes': 'Kaksi toimenpidettä omine mittareineen mutta yksi yhteinen vastuuhenkilö '
                       '(perusturvajohtaja), joten pidetty yhtenä rivinä.'},
             {'id': 'EK-PT-05',
              'goal': 'EK',
              'department': 'PT',
              'objectives': ['EK-6'],
              'toimenpiteet': 'Uuden organisaation käyttöön otto. Talouden seuranta ajantasainen. '
                              'Tavoiteorganisaation suunnitelma.',
              'vastuu': 'Perusturvajohtaja, hoiva- ja hoitotyön päällikkö, johtava lääkäri',
              'mittarit': 'Uudistetut prosessit TA:n toteuma + kustannuskehitys aiempaan nähden',
              'sdg': [],
              'seed_tavoite': 'Olemme uudistuva kunta, jonka kuntatalous on kestävällä pohjalla'},
             {'id': 'EK-EV-01',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-1'],
              'toimenpiteet': 'Kaupungin ja Digipoloksen yhteistyö kiertotalouden ja '
                              'vähähiilisuuden edistämiseksi. Kaavoituksen ja maankäytön '
                              'ohjeistuksella noudatetaan vihreän Kemin arvoja/tavoitteita.',
              'vastuu': 'Elinkeinopalvelut yhteistyössä Digipoloksen, Yritysten vihreä ja kestävä '
                        'Kemi -hanke (keskusvirasto), vastuullisen matkailun polku (Visit '
                        'Finland/STF). / v.2021-2025',
              'mittarit': 'Kiertotalouteen liittyvät yritykset x kpl, hankkeet x kpl, '
                          'ympäristökäsikirjan/sertifioinnin tehneet yritykset x kpl, STF-polun '
                          'suorittaneet yritykset x kpl.',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko (4 tavoitetta, 6 toimenpidettä, 6 '
                       'vastuuta, 6 mittaria): toimenpiteet, vastuut ja mittarit on kohdistettu '
                       'toisiinsa järjestyksen mukaan, tämä rivi = 1. kappaleet. Korjattu '
                       "kirjoitusvirhe: 'vihreän Kemien' → 'vihreän Kemin'."},
             {'id': 'EK-EV-02',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-2'],
              'toimenpiteet': 'Varmistetaan laadukkaalla kaavoituksella ja kaupunkikuvatyöryhmän '
                              'aktiivisella toiminnalla.',
              'vastuu': 'Toimialajohtaja, kaupungingeodeetti ja elinkeinopäällikkö\n'
                        'Kaupungingeodeetti / v.2021-2025',
              'mittarit': 'Kaupunkikuvallisen inventoinnin päivittäminen ja toteuttava '
                          'toimenpideohjelma',
              'sdg': [],
              'seed_tavoite': 'Kaupunkiympäristömme on kaunis, turvallinen ja vetovoimainen '
                              'paikka kohtaamisille',
              'notes': 'Rivi = sarakkeiden 2. kappaleet. Vastuukappaleessa on kaksi riviä '
                       "('Toimialajohtaja, kaupungingeodeetti ja elinkeinopäällikkö' ja "
                       "'Kaupungingeodeetti / v.2021-2025'); ne on pidetty yhdessä, koska "
                       'toimenpide on yksi lause.'},
             {'id': 'EK-EV-03',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-3'],
              'toimenpiteet': 'Maankäytön ja kaavoituksen suunnittelulla vastataan asumisen '
                              'trendeihin. Markkinointi em toimista.',
              'vastuu': 'Kaupungingeodeetti / v.2021-2025',
              'mittarit': 'Uudet avaukset asumismuodoissa ja kontaktit rakentajiin',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 3. kappaleista.'},
             {'id': 'EK-EV-04',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-4'],
              'toimenpiteet': 'ÄRM-toimintasuunnitelman/ohjelman toteuttaminen. Osaavan työvoiman '
                              'saanti varmistetaan työnantaja- ja oppilaitosyhteistyöllä',
              'vastuu': 'Toimialajohtaja, työllisyyspäällikkö, elinkeinopäällikkö / v.2021-2025',
              'mittarit': 'Työpaikkojen määrä Kemissä, avoimet työpaikat /kk\n'
                          'Työttömyysasteen lasku\n'
                          'Uudet yritykset',
              'sdg': [],
              'seed_tavoite': 'Kaupunkimme yritys ympäristö on kilpailukykyinen. Olemme '
                              'vetovoimainen ja elinkeinorakenteeltaan monipuolinen',
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 4. kappaleista. '
                       "Tavoitteen painettu muoto ('yritys ympäristö', ei loppupistettä) on "
                       'kentässä seed_tavoite.'},
             {'id': 'EK-EV-05',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-4'],
              'toimenpiteet': 'Yhteistyö Digipoloksen kanssa elinkeinon kehittämiseen',
              'vastuu': 'Elinkeinopäällikkö / v.2021-2025',
              'mittarit': 'Yhteiset yrityscaiset ja yritysneuvontaan tulleiden yritysten määrä.',
              'sdg': [],
              'notes': 'Taulukossa on neljä tavoitetta mutta kuusi toimenpidettä: 5. toimenpide '
                       '(elinkeinon kehittäminen Digipoliksen kanssa) liitetty viimeiseen '
                       'tavoitteeseen EK-4, koska toinen elinvoiman taulukko alkaa omilla '
                       "tavoitteillaan EK-5 ja EK-6. Mittarin sana 'yrityscaiset' on jätetty "
                       "ennalleen (ehkä 'yrityscaset'), koska korjauksesta ei ole varmuutta."},
             {'id': 'EK-EV-06',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-4'],
              'toimenpiteet': 'Kivalo-opiston tarjonta tukee työelämävalmiuksia ja kuntalaisten '
                              'terveyttä ja toimintakykyä --> osaamisen lisääminen, '
                              'yrittäjyysvalmiuksien antaminen',
              'vastuu': 'Kivalo-opiston rehtori / v.2021-2025',
              'mittarit': 'Kivalo-opiston työelämävalmiuksia lisäävät kurssit',
              'sdg': [],
              'notes': '6. toimenpide (Kivalo-opiston tarjonta, työelämä- ja yrittäjyysvalmiudet) '
                       'liitetty viimeiseen tavoitteeseen EK-4 (osaava työvoima, monipuolinen '
                       'elinkeinorakenne), koska taulukossa on vain neljä tavoitetta.'},
             {'id': 'EK-EV-07',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-5'],
              'toimenpiteet': 'Tonttitarjonta. Yritystonttien ja asumismahdollisuuksien '
                              'markkinointi.',
              'vastuu': 'Kaupungingeodeetti /elinkeinopäällikkö',
              'mittarit': 'Varatut yritys- ja asuntotontit, markkinointitoimenpiteet) per vuosi',
              'sdg': [3, 6, 7, 8, 9, 11, 12, 13, 14, 15],
              'seed_tavoite': 'Uudistuvat kaupalliset palvelut, ympärivuotinen ja merellinen '
                              'matkailu sekä bio- ja kiertotalous, luovat vetovoimaa',
              'notes': 'Toinen elinvoiman taulukko (numerointi jatkuu): taulukon 1. rivin '
                       '<p>-kappaleet (3 toimenpidettä, 4 vastuuta, 5 mittarikappaletta, joista '
                       '2.–4. ovat yksi virke) on jaettu riveiksi EK-EV-07–10. Rivin SDG-soluun '
                       'painettu luettelo (3, 6, 7, 8, 9, 11, 12, 13, 14, 15) koskee koko '
                       'painettua riviä, joten se on kirjattu kaikille siitä jaetuille riveille '
                       'EK-EV-07–10; saman taulukon toisen rivin (EK-EV-11) SDG-solu on tyhjä. '
                       "Korjattu kirjoitusvirhe: 'Kaupungeedeetti' → 'Kaupungingeodeetti'."},
             {'id': 'EK-EV-08',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-5'],
              'toimenpiteet': 'Matkailun ja liitännäisalojen kehittämissuunnitelma 2030, jossa '
                              'huomioidaan matkailun lisäksi vahvasti kauppa- ja palvelusektori.',
              'vastuu': 'Elinkeinopalvelut / Master plan Kemi -hanke 2021 - 2023.',
              'mittarit': 'Lisätä ja vahvistaa matkailun ja siihen liittyvien toimialojen '
                          'liiketoimintaa ja toimintaedellytyksiä yhteisellä '
                          'kehittämissuunnitelmalla (master plan),\n'
                          'Laajentaa matkailun yhteistyöverkostoja\n'
                          'Laadukkaat ja kilpailukykyiset palvelut matkailijoille',
              'sdg': [3, 6, 7, 8, 9, 11, 12, 13, 14, 15],
              'seed_tavoite': 'Uudistuvat kaupalliset palvelut, ympärivuotinen ja merellinen '
                              'matkailu sekä bio- ja kiertotalous, luovat vetovoimaa',
              'notes': "Toimenpidekappale 'Matkailun … kehittämissuunnitelma 2030 … Merelliset "
                       "hankkeet.' on jaettu kahdeksi riviksi (EK-EV-08 ja -09), koska "
                       'vastuusarakkeessa kummallakin osalla on oma vastuukappaleensa, hankkeensa '
                       'ja aikataulunsa (Master plan Kemi -hanke 2021–2023, Perämeren '
                       'saaristomatkailun kehittämishanke 2021–2022). Mittarisarakkeen 2. kappale '
                       "päättyy pilkkuun ('…(master plan),') ja jatkuu kappaleina 'Laajentaa "
                       "matkailun yhteistyöverkostoja' ja 'Laadukkaat ja kilpailukykyiset "
                       "palvelut matkailijoille': kolme kappaletta ovat yhden toimenpidekappaleen "
                       'yksi mittari, joka on kirjattu kokonaisena molemmille siitä jaetuille '
                       'riveille EK-EV-08 ja -09. SDG-luettelo koskee koko painettua riviä (ks. '
                       'EK-EV-07).'},
             {'id': 'EK-EV-09',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-5'],
              'toimenpiteet': 'Merelliset hankkeet.',
              'vastuu': 'Elinkeinopalvelut / Perämeren saaristomatkailun kehittämishanke '
                        '2021-2022.',
              'mittarit': 'Lisätä ja vahvistaa matkailun ja siihen liittyvien toimialojen '
                          'liiketoimintaa ja toimintaedellytyksiä yhteisellä '
                          'kehittämissuunnitelmalla (master plan),\n'
                          'Laajentaa matkailun yhteistyöverkostoja\n'
                          'Laadukkaat ja kilpailukykyiset palvelut matkailijoille',
              'sdg': [3, 6, 7, 8, 9, 11, 12, 13, 14, 15],
              'seed_tavoite': 'Uudistuvat kaupalliset palvelut, ympärivuotinen ja merellinen '
                              'matkailu sekä bio- ja kiertotalous, luovat vetovoimaa',
              'notes': 'Erotettu rivistä EK-EV-08 (ks. sen huomautus). Vastuuna 3. vastuukappale '
                       "'Perämeren saaristomatkailun kehittämishanke 2021-2022.', joka on pelkkä "
                       'hankkeen nimi: kuten master plan -hanke (2. vastuukappale '
                       "'Elinkeinopalvelut / Master plan Kemi -hanke 2021 - 2023.'), hanke kuuluu "
                       "elinkeinopalveluille, joten yhteinen vastuutaho 'Elinkeinopalvelut /' on "
                       'toistettu tällä rivillä. Mittari on toimenpidekappaleen yhteinen kolmen '
                       'kappaleen mittari, toistettu kuten rivillä EK-EV-08. SDG-luettelo koskee '
                       'koko painettua riviä (ks. EK-EV-07).'},
             {'id': 'EK-EV-10',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-5'],
              'toimenpiteet': 'Matkailumarkkinoinnin työnjako',
              'vastuu': 'Elinkeinopäällikkö',
              'mittarit': 'Kotimaisten matkailijoiden määrä',
              'sdg': [3, 6, 7, 8, 9, 11, 12, 13, 14, 15],
              'seed_tavoite': 'Uudistuvat kaupalliset palvelut, ympärivuotinen ja merellinen '
                              'matkailu sekä bio- ja kiertotalous, luovat vetovoimaa',
              'notes': 'Rivi = 3. toimenpidekappale, 4. vastuukappale ja viimeinen (5.) '
                       'mittarikappale. SDG-luettelo koskee koko painettua riviä (ks. EK-EV-07).'},
             {'id': 'EK-EV-11',
              'goal': 'EK',
              'department': 'EV',
              'objectives': ['EK-6'],
              'toimenpiteet': 'Elinvoimatoimialan elinvoimaprosessin käyttöönotto tehokkaasti.\n'
                              'Tavoiteorganisaation suunnitelma',
              'vastuu': 'Toimialajohtaja, työllisyyspäällikkö, elinkeinopäällikkö, '
                        'kaupungingeodeetti ja Kivalo-opiston rehtori/ v.2021-2025',
              'mittarit': 'Aktivointiaste, työllistyneet / asiakasmäärä\n'
                          'Kuvatut prosessit ja yhtymäkohdat muiden toimialojen kanssa.',
              'sdg': [],
              'notes': '<p>-kappaleet on erotettu rivinvaihdoin; vastuu on yksi yhteinen, joten '
                       "pidetty yhtenä rivinä. Korjattu kirjoitusvirheet: 'elinvoimaproessin' → "
                       "'elinvoimaprosessin' ja 'kaupungeedeetti' → 'kaupungingeodeetti'."},
             {'id': 'HK-YMP-01',
              'goal': 'HK',
              'department': 'YMP',
              'objectives': ['HK-1'],
              'toimenpiteet': 'Esteettömyyden parantaminen katuverkolla (Sauvosaaren '
                              'jalkakäytävät)',
              'vastuu': 'Ympäristöjohtaja ja kaupunginarkkitehti/ jatkuva',
              'mittarit': 'Jalkakäytävä risteysten määrä.',
              'sdg': []},
             {'id': 'HK-YMP-02',
              'goal': 'HK',
              'department': 'YMP',
              'objectives': ['HK-2'],
              'toimenpiteet': 'Suunnitelmista järjestetään kuntalaisille ja muille osallisille '
                              'mahdollisuus ottaa kantaa jo suunnitteluvaiheessa.',
              'vastuu': 'Ympäristöjohtaja ja kaupunginarkkitehti/ jatkuva',
              'mittarit': 'Tilaisuuksien määrä.',
              'sdg': []},
             {'id': 'HK-YMP-03',
              'goal': 'HK',
              'department': 'YMP',
              'objectives': ['HK-3'],
              'toimenpiteet': 'Henkilöstölle järjestetään mahdollisuus osallistua ammattitaitoa '
                              'lisääviin koulutuksiin.',
              'vastuu': 'Ympäristöjohtaja, kaupunginarkkitehti ja ympäristöpäällikkö / jatkuva',
              'mittarit': 'Koulutuksiin osallistuvien henkilöiden määrä.',
              'sdg': [],
              'seed_tavoite': 'Kehitämme koulustarjontaa ja -polkuja, mahdollistamme osaamisen '
                              'kasvun.',
              'notes': "Taulukon tavoitetekstissä kirjoitusvirhe 'koulustarjontaa' (oikein "
                       "'koulutustarjontaa'); painettu teksti on kentässä seed_tavoite."},
             {'id': 'HK-YMP-04',
              'goal': 'HK',
              'department': 'YMP',
              'objectives': ['HK-4'],
              'toimenpiteet': 'Yhteistyön kehittäminen kolmannen sektorin kanssa.',
              'vastuu': 'Ympäristöjohtaja/ jatkuva',
              'mittarit': 'Järjestötoimijoiden kanssa pidetyt tapaamiset ja kyselyt',
              'sdg': []},
             {'id': 'HK-YMP-05',
              'goal': 'HK',
              'department': 'YMP',
              'objectives': ['HK-5'],
              'toimenpiteet': 'Ulkoilureittien lisääminen: suunnitelma välille '
                              'Pertajärvi-Vallitunsaari.',
              'vastuu': 'Ympäristöjohtaja/2022',
              'mittarit': 'Valmis suunnitelma ja toteutus.',
              'sdg': []},
             {'id': 'HK-KV-01',
              'goal': 'HK',
              'department': 'KV',
              'objectives': ['HK-1'],
              'toimenpiteet': 'Tuemme ja osallistumme Hytetyöhön, digitaaliset sovellukset',
              'vastuu': 'Hallinto- ja kehitysjohtaja',
              'mittarit': 'Käytössä olevat sovellukset',
              'sdg': []},
             {'id': 'HK-KV-02',
              'goal': 'HK',
              'department': 'KV',
              'objectives': ['HK-2'],
              'toimenpiteet': 'Osallistava budjetointi, kuulemistilaisuudet esim. '
                              'kaupunginjohtajan aamukahvit',
              'vastuu': 'Kaupunginkanslia, Osallistava budjetointi helmi-/maaliskuu, KJ:n '
                        'aamukahvit puolivuositain',
              'mittarit': 'Kuntalaisaloitteiden määrä, Järjestettävien tilaisuuksien / '
                          'osallistujien määrä',
              'sdg': [],
              'notes': 'Kaksi toimenpidettä (osallistava budjetointi, kuulemistilaisuudet), '
                       'joilla on eri ajankohdat mutta sama vastuutaho (kaupunginkanslia); '
                       'pidetty yhtenä rivinä.'},
             {'id': 'HK-KV-03',
              'goal': 'HK',
              'department': 'KV',
              'objectives': ['HK-3'],
              'toimenpiteet': 'Henkilökunnan osaamisen lisäämisen kasvu yhdessä oppilaitosten '
                              'kanssa / koulutussuunnittelu',
              'vastuu': 'Henkilöstöpäällikkö Vuosittain marras-/joulukuussa',
              'mittarit': 'Toteutuneet koulutuspäivät',
              'sdg': [],
              'seed_tavoite': 'Kehitämme koulustarjontaa ja -polkua, mahdollistamme osaamisen '
                              'kasvun.',
              'notes': "Taulukon tavoitetekstissä kirjoitusvirheet 'koulustarjontaa' ja '-polkua' "
                       "(oikein 'koulutustarjontaa' ja '-polkuja'); painettu teksti on kentässä "
                       'seed_tavoite.'},
             {'id': 'HK-KV-04',
              'goal': 'HK',
              'department': 'KV',
              'objectives': ['HK-4'],
              'toimenpiteet': 'Toimialakohtaisten kumppanuussopimusten kartoitus ja päivitys',
              'vastuu': 'Hallinto- ja kehitysjohtaja Vuoden 2022 loppuun mennessä',
              'mittarit': 'Päivitettyjen sopimusten määrä',
              'sdg': []},
             {'id': 'HK-KV-05',
              'goal': 'HK',
              'department': 'KV',
              'objectives': ['HK-5'],
              'toimenpiteet': 'Viestintä- ja markkinointiyhteistyö, www-sivujen päivitys',
              'vastuu': 'Hallinto- ja kehitysjohtaja/viestintätiimi Jatkuvaa toimintaa',
              'mittarit': 'Sivut päivitetty',
              'sdg': [],
              'notes': "Korjattu kirjoitusvirhe: 'viestintäiimi' → 'viestintätiimi'."},
             {'id': 'HK-HYV-01',
              'goal': 'HK',
              'department': 'HYV',
              'objectives': ['HK-1'],
              'toimenpiteet': 'Nuorisotyön, lasten kulttuurikeskuksen, musiikkitoimen, kirjaston '
                              'jalkautumisen vuosikello. Harrastamisen Suomen-malli edesauttaa '
                              'nuorten mahdollisuutta harrastaa. Hankerahoitusten hakeminen. '
                              'Järjestöstrategia hyvinvoinnin mahdollistajana',
              'vastuu': 'Toimialajohtaja, tulosaluepäälliköt, lähiesihenkilöt, '
                        'hyte-koordinaattori',
              'mittarit': 'Vuosikello Kouluterveyskysely Hyvinvoinnin työkaluista saatava tieto '
                          '(mm. Tea-viisari, Hyvinvointiprofiili) OPH/Move-mittaristo Jokainen '
                          'tulosyksikkö on hakenut hankerahoitusta. Strategia hyväksytään '
                          'päätöksenteossa vuoden 2022 aikana.',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko (5 tavoitetta, 5 toimenpidettä, 5 '
                       'vastuuta, 5 mittaria): rivit koottu kappaleiden järjestyksen mukaan, tämä '
                       "rivi = 1. kappaleet. Korjattu tavutusjäänne: 'hanke- rahoitusta' → "
                       "'hankerahoitusta'."},
             {'id': 'HK-HYV-02',
              'goal': 'HK',
              'department': 'HYV',
              'objectives': ['HK-2'],
              'toimenpiteet': 'Asiakastyytyväisyyskyselyt Seurafoorumi, Nuorisovaltuusto '
                              'Kulttuurikumppanuus Yhteistyö kolmannen sektorin kanssa',
              'vastuu': 'Hyvinvointitoimiala Hyte-koordinaattori Nuorisosihteeri '
                        'Vapaa-aikapäällikkö',
              'mittarit': 'Asiakastyytyväisyyskysely 1 krt/v Seurafoorumi 2 krt/v '
                          'Nuorisovaltuusto 4 krt/v',
              'sdg': [],
              'notes': 'Rivi = sarakkeiden 2. kappaleet. Toimenpiteet ja vastuuhenkilöt ovat '
                       'luetteloina ilman yksiselitteistä pareittaisuutta, joten ne on pidetty '
                       'yhtenä rivinä.'},
             {'id': 'HK-HYV-03',
              'goal': 'HK',
              'department': 'HYV',
              'objectives': ['HK-3'],
              'toimenpiteet': 'Koulupudokkaiden seuranta-yhteistyöpalaverit. Opinnäytetyöt '
                              'toiminnan kehittämisessä. Henkilöstön osaamisen vahvistaminen '
                              'paikallisia ja alueellisia oppilaitoksia hyödyntäen.',
              'vastuu': 'Toimialajohtaja, tulosaluepäälliköt, lähiesihenkilöt',
              'mittarit': 'Valpas-järjestelmä. Opinnäytetöiden lkm, Järjestettyjen koulutusten '
                          'lkm',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 3. kappaleista.'},
             {'id': 'HK-HYV-04',
              'goal': 'HK',
              'department': 'HYV',
              'objectives': ['HK-4'],
              'toimenpiteet': 'Kumppanuussopimukset järjestöjen kanssa Uudistettujen '
                              'järjestöavustuskäytäntöiden toimeenpano,',
              'vastuu': 'Vapaa-aikapäällikkö Hyte-koordinaattori',
              'mittarit': 'Kaikkien avustusta saavien kanssa tehdään kumppanuussopimus. Toimivien '
                          'järjestöjen ja jäsenten määrä',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 4. kappaleista.'},
             {'id': 'HK-HYV-05',
              'goal': 'HK',
              'department': 'HYV',
              'objectives': ['HK-5'],
              'toimenpiteet': 'Palvelutarjonnan mitoittaminen asukasmäärään. Kuntalaisten '
                              'kuuleminen tapahtumien järjestämiseksi',
              'vastuu': 'Vapaa-aikapäällikkö, lähiesihenkilöt',
              'mittarit': 'Yhteisten tapahtumien lkm',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 5. kappaleista. '
                       "Korjattu kirjoitusvirhe kahdesti: 'tapahtuminen' → 'tapahtumien'."},
             {'id': 'HK-PT-01',
              'goal': 'HK',
              'department': 'PT',
              'objectives': ['HK-1'],
              'toimenpiteet': 'Perhekeskustoimintamalli, toimivat terveysneuvonta ja '
                              'lapsiperheiden peruspalvelut, Hyvinvointia edistävät kotikäynnit, '
                              'hyvinvointi-pysäkki -toimintamalli, pilotti 65 –hanke, '
                              'kumppanuussopimukset AMK:n ja Lappian kanssa.',
              'vastuu': 'Toimialajohtaja ja tulosaluepäälliköt',
              'mittarit': 'Asiakasmäärät,',
              'sdg': [],
              'notes': 'Taulukon SDG-sarakkeessa on jokaisella rivillä kaksi tavoitetta '
                       'nousevassa järjestyksessä (1, 2 / 3, 4 / 5, 8 / 10, 11 / 16, 17) '
                       'riippumatta rivin sisällöstä: ne ovat koko taulukon kuvakeluettelo, joka '
                       'on rivittynyt taulukon riveille. Tavoitteet 1, 2, 3, 4, 5, 8, 10, 11, 16 '
                       'ja 17 on siksi kirjattu koko taulukolle (tables: HK, PT), ei riveille. '
                       "Tällä rivillä painettu '1 EI KÖYHYTTÄ 2 EI NÄLKÄÄ' ('KÖYHYTTÄ' = "
                       "virallinen 'Ei köyhyyttä')."},
             {'id': 'HK-PT-02',
              'goal': 'HK',
              'department': 'PT',
              'objectives': ['HK-2'],
              'toimenpiteet': '',
              'vastuu': 'Toimialajohtaja ja tulosaluepäälliköt',
              'mittarit': '',
              'sdg': [],
              'notes': 'Toimenpiteet- ja mittarit-solut ovat taulukossa tyhjiä; rivi on '
                       'säilytetty, koska tavoite ja vastuu on annettu. Rivillä painettu '
                       "SDG-teksti '3 TERVEYTTÄ JA HYVINVOINTIA 4 HYVÄ KOULUTUS' kuuluu koko "
                       'taulukon kuvakeluetteloon (ks. HK-PT-01), ei tälle riville.'},
             {'id': 'HK-PT-03',
              'goal': 'HK',
              'department': 'PT',
              'objectives': ['HK-3'],
              'toimenpiteet': 'Irtisanomisesta selviytymisen hanke. Hyödynnetään '
                              'oppisopimuskoulutusta ja ammattitaitoa lisäävän koulutuksen '
                              'kehittäminen.',
              'vastuu': 'Projektipäällikkö',
              'mittarit': '-lieventää Veitsiluodon lopettamisesta johtuvaa huono-osaisuutta ja '
                          'yksilökohtaisia kriisejä -tukea henkilöitä irtisanomisesta '
                          'selviytymiseen.',
              'sdg': [],
              'notes': "Rivillä painettu SDG-teksti '5 SUKUPUOLITEN TASA-ARVO 8 IHMISSARVOISTA "
                       "TYÖTÄ JA TALOUSKASVUA' kuuluu koko taulukon kuvakeluetteloon (ks. "
                       "HK-PT-01); painetut kirjoitusasut vastaavat virallisia nimiä 'Sukupuolten "
                       "tasa-arvo' ja 'Ihmisarvoista työtä ja talouskasvua'."},
             {'id': 'HK-PT-04',
              'goal': 'HK',
              'department': 'PT',
              'objectives': ['HK-4'],
              'toimenpiteet': 'Ikävihreä Prunssi toimintamalli, lausuntopyynnöt '
                              'vaikuttamistoimielimiltä, kuntalaistilaisuudet',
              'vastuu': 'Toimialajohtaja ja tulosaluepäälliköt',
              'mittarit': 'Lausuntopyyntöjen määrä, kuntalaistilaisuuksien määrä, tapahtumien '
                          'määrä (Prunssi)',
              'sdg': [],
              'notes': "Rivillä painettu SDG-teksti '10 ERIARVOISUUDEN VÄHENTÄMINEN 11 KESTÄVÄT "
                       "KAUPUNGIT JA YHTEISÖT' kuuluu koko taulukon kuvakeluetteloon (ks. "
                       'HK-PT-01).'},
             {'id': 'HK-PT-05',
              'goal': 'HK',
              'department': 'PT',
              'objectives': ['HK-5'],
              'toimenpiteet': 'Ennaltaehkäisevän työn vahvistaminen Yhteistyötä tehdään Perheiden '
                              'pihan, Vanhusneuvoston, Vammaisneuvoston, Perhekeskuksen, '
                              'Ikävihreä Prunssi ja Hyvikki –hankkeiden sekä Turvapojun kanssa.',
              'vastuu': '',
              'mittarit': 'Koulutettujen määrä Tapaamisten ja tapahtumien määrä',
              'sdg': [],
              'notes': 'Vastuu-solu on taulukossa tyhjä ja jätetty tyhjäksi. Korjattu '
                       "kirjoitusvirhe 'hankeiden' → 'hankkeiden'. Rivillä painettu SDG-teksti "
                       "'16 RAUHA, OIKEUDEN MUKAISUUS JA HYVÄ HALLINTO 17 YHTEISTYÖ JA "
                       "KUMPPANUUS' kuuluu koko taulukon kuvakeluetteloon (ks. HK-PT-01)."},
             {'id': 'HK-EV-01',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-1'],
              'toimenpiteet': 'Työllisyyspalveluilla tuetaan erityisesti nuorten toimintakykyä, '
                              'osaamista ja työllistymistä',
              'vastuu': 'Työllisyyspäällikkö / v.2021-2025',
              'mittarit': 'Alle 25-vuotiaiden työttömien osuus samanikäisestä työvoimasta, '
                          'rakennetyöttömien ja pitkäaikaistyöttömien määrä / eteenpäin ohjatut '
                          'nuoret',
              'sdg': [],
              'notes': 'Solussa oli kaksi toimenpidekokonaisuutta eri vastuuhenkilöillä: jaettu '
                       'riveiksi HK-EV-01 (nuorten työllisyyspalvelut, työllisyyspäällikkö) ja '
                       'HK-EV-02 (kuulemiset, järjestöyhteistyö, Pointti). Mittarisolun kaksi '
                       'osaa on jaettu sisällön mukaan.'},
             {'id': 'HK-EV-02',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-1'],
              'toimenpiteet': 'Kuntalaisten kuulemiset Järjestöyhteistyö, palvelupiste Pointti',
              'vastuu': 'Kivalo-opiston rehtori/ Kaupungingeodeetti/ Elinkeinopäällikkö/ '
                        'Työllisyyspäällikkö/ v.2021-2025',
              'mittarit': 'Pidetyt kuulemistilaisuudet, Pointin asiakasmäärä / eteenpäin ohjatut '
                          'asiakkaat',
              'sdg': [],
              'notes': 'Erotettu taulukon 1. rivistä (ks. HK-EV-01). Korjattu kirjoitusvirhe: '
                       "'Kaupungeodeetti' → 'Kaupungingeodeetti'."},
             {'id': 'HK-EV-03',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-2'],
              'toimenpiteet': 'Kivalo-opisto mahdollistaa yhteisöllisyyden kokemuksen. → '
                              'kurssilaisten palaute',
              'vastuu': 'Toimialajohtaja, työllisyyspäällikkö, elinkeinopäällikkö, '
                        'kaupungingeodeetti ja Kivalo-opiston rehtori/ v.2021-2025',
              'mittarit': 'Tilaisuudet ja kyselyt Asiakaspalaute kurseista',
              'sdg': [],
              'notes': "Korjattu kirjoitusvirhe: 'kaupungeodeetti' → 'kaupungingeodeetti'."},
             {'id': 'HK-EV-04',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-3'],
              'toimenpiteet': 'Koordinoimme kaupungin ja oppilaitosten kumppanuussopimusta ja '
                              'vahvistamme korkeakoulutustarjontaa. Työllisyyspalvelujen '
                              'asiakkaille rakennetaan yksilöllisiä koulutuspolkuja. "Osaaminen '
                              'edellä"- hankevalmistelu osana ÄRM-toimintaa.',
              'vastuu': 'Toimialajohtaja, työllisyyspäällikkö/ v.2021-2025',
              'mittarit': 'Työvoimakoulutuksiin ja omaehtoiseen opiskeluun osallistuneet',
              'sdg': [],
              'seed_tavoite': 'Kehitämme koulutustarjontaa ja -polkuja, mahdollistamme osaamisen '
                              'kasvun',
              'notes': 'Solussa oli kaksi vastuutahoa: Kivalo-opiston koulutustarjonnan '
                       'kehittäminen on erotettu Kivalo-opiston rehtorin riviksi HK-EV-05 ja muut '
                       'toimenpiteet jätetty toimialajohtajalle ja työllisyyspäällikölle. '
                       'Mittarisolun kaksi osaa on jaettu sisällön mukaan.'},
             {'id': 'HK-EV-05',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-3'],
              'toimenpiteet': 'Kivalo-opiston koulutustarjontaa kehitetään',
              'vastuu': 'Kivalo-opiston rehtori / v.2021-2025',
              'mittarit': 'Uudet työelämää tukevat kurssit / opintokokonaisuudet',
              'sdg': [],
              'seed_tavoite': 'Kehitämme koulutustarjontaa ja -polkuja, mahdollistamme osaamisen '
                              'kasvun',
              'notes': 'Erotettu taulukon 3. rivistä (ks. HK-EV-04).'},
             {'id': 'HK-EV-06',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-4'],
              'toimenpiteet': 'Nuorten työpajatoiminta, työhönvalmennuksen ja maahanmuuttajien '
                              'työllistymisen edistämisen palvelut hankitaan/tuotetaan '
                              'kumppanuussopimuksin järjestöjen kanssa. Järjestötyöllistämisen '
                              'edelleen kehittäminen ja tukeminen.',
              'vastuu': 'Työtä Kemissä! -hanke (välityömarkkinoiden kehittäminen, työntekijä). '
                        'Yhteiset hankkeet järjestöjen kanssa.\n'
                        'Työllisyyspäällikkö, Kivalo-opiston rehtori / v.2021-2025',
              'mittarit': 'Myönnetyt Kemi-lisät. Työpaja-toimintaan osallistuneet nuoret/ '
                          'eteenpäin ohjatut nuoret',
              'sdg': [],
              'notes': 'Toinen elinvoiman taulukko, sarakkeittain painettu (2 tavoitetta, 4 '
                       'toimenpidettä, 5 vastuukappaletta, 4 mittaria), numerointi jatkuu. '
                       'Vastuukappaleet 1 (Työtä Kemissä! -hanke) ja 2 (työllisyyspäällikkö, '
                       'Kivalo-opiston rehtori) yhdistetty tälle riville; korjattu kirjoitusvirhe '
                       "'väilytyömarkkinoiden' → 'välityömarkkinoiden'."},
             {'id': 'HK-EV-07',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-4'],
              'toimenpiteet': 'Elinkeinojen kehittämiseen liittyvä yhteistyö ja kumppanuus.',
              'vastuu': 'Elinkeinopalvelut: Matkailumarkkinointi, matkailutoiminnan kehittäminen, '
                        'tapahtumatuotanto (tapahtumatoimiston kanssa tehtävä yhteistyö) '
                        'Elinkeinopäällikkö / v.2021-2025',
              'mittarit': 'Markkinointitoimenpiteiden lukumäärä, Tapahtumien lukumäärä,',
              'sdg': [],
              'notes': 'Rivi = 2. toimenpide, 3. vastuukappale ja 2. mittari. Toimenpiteet 1–3 '
                       'koskevat yhteistyötä ja kumppanuutta, joten ne on liitetty tavoitteeseen '
                       'HK-4; tämän rivin vastuu ja mittarit (matkailu, tapahtumat) sivuavat myös '
                       'tavoitetta HK-5.'},
             {'id': 'HK-EV-08',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-4'],
              'toimenpiteet': 'Teemme yhteistyötä (uusi malli) yrittäjäjärjestöjen kanssa '
                              'huolehtien alueemme yrittäjien toimintaedellytyksistä ja '
                              'hyvinvoinnista.',
              'vastuu': 'Elinkeinopalvelut / Koronasta kasvuun -hanke 2021 - 2023. '
                        'Elinkeinopäällikkö',
              'mittarit': '-Yrittäjien työhyvinvoinnin tukeminen\n'
                          '- Yrittäjien tulevaisuudenkuvan vahvistaminen\n'
                          '- Uusien ideoiden työstäminen yrittäjien voimavarana',
              'sdg': [],
              'notes': 'Rivi = 3. toimenpide, 4. vastuukappale ja 3. mittari; liitetty '
                       'tavoitteeseen HK-4 (yrittäjäjärjestöt).'},
             {'id': 'HK-EV-09',
              'goal': 'HK',
              'department': 'EV',
              'objectives': ['HK-5'],
              'toimenpiteet': 'Kivalo-opiston kurssitarjonta on houkutteleva ja vastaa kysyntään '
                              'ja ajankohtaisiin tarpeisiin ketterästi',
              'vastuu': 'Kivalo-opiston rehtori / v.2021-2025',
              'mittarit': 'Kurssien toteuma ja osanottajamäärä per kurssi',
              'sdg': [],
              'notes': 'Rivi = 4. toimenpide, 5. vastuukappale ja 4. mittari; liitetty '
                       'tavoitteeseen HK-5 (vapaa-ajanpalvelut). Korjattu kirjoitusvirhe: '
                       "'kurssitarjoanta' → 'kurssitarjonta'."},
             {'id': 'SA-YMP-01',
              'goal': 'SA',
              'department': 'YMP',
              'objectives': ['SA-1'],
              'toimenpiteet': 'Asiakaspalvelun tehostaminen: Tarjotaan digitaalisia palveluita '
                              'mm. Rakennusvalvonnassa ja eri vuokraustoiminnoissa.',
              'vastuu': 'Ympäristöjohtaja, kaupunginarkkitehti, ympäristöpäällikkö ja johtava '
                        'rakennustarkastaja /jatkuva',
              'mittarit': 'Uuden ajanvarausohjelman hankinta ja käyttöönotto',
              'sdg': []},
             {'id': 'SA-YMP-02',
              'goal': 'SA',
              'department': 'YMP',
              'objectives': ['SA-2'],
              'toimenpiteet': 'Sujuvoitetaan arjen prosesseja laatimalla '
                              'tavoiteorganisaatiomalli.',
              'vastuu': 'Ympäristöjohtaja, kaupunginarkkitehti, viranomaispäällikkö /2022',
              'mittarit': 'Valmis organisaatiomalli.',
              'sdg': []},
             {'id': 'SA-YMP-03',
              'goal': 'SA',
              'department': 'YMP',
              'objectives': ['SA-3'],
              'toimenpiteet': 'Liikuntahallin rakentaminen käynnistyy.',
              'vastuu': 'Kaupunginarkkitehti / 2023',
              'mittarit': 'Hallin käyttöönotto tavoiteaikataulussa',
              'sdg': []},
             {'id': 'SA-YMP-04',
              'goal': 'SA',
              'department': 'YMP',
              'objectives': ['SA-4'],
              'toimenpiteet': 'Esteettömyyden parantaminen katuverkolla (Sauvosaaren '
                              'jalkakäytävät) ja Karihaaran koulun esteettömyys selvitys tulevan '
                              'perusparannushankkeen pohjaksi.',
              'vastuu': 'Ympäristöjohtaja ja kaupunginarkkitehti / jatkuva',
              'mittarit': 'Jalkakäytävä risteysten määrä. Esteettömyys selvitys ja tehdyt toimet',
              'sdg': [],
              'notes': 'Kaksi toimenpidettä (jalkakäytävät, Karihaaran koulun '
                       'esteettömyysselvitys) samalla vastuulla, pidetty yhtenä rivinä.'},
             {'id': 'SA-YMP-05',
              'goal': 'SA',
              'department': 'YMP',
              'objectives': ['SA-5'],
              'toimenpiteet': 'Hankkeista ja projekteista tiedotetaan sisäisesti ja ulkoisesti '
                              'sähköisten viestintäkanavien kautta.',
              'vastuu': 'Ympäristöjohtaja, kaupunginarkkitehti ja ympäristöpäällikkö/jatkuva',
              'mittarit': 'Tiedotteiden määrä. Vuosittainen markkinointisuunnitelma',
              'sdg': []},
             {'id': 'SA-KV-01',
              'goal': 'SA',
              'department': 'KV',
              'objectives': ['SA-1'],
              'toimenpiteet': 'Riskienhallintatyö, ohjelmatyö (esim. vetovoimaohjelma), '
                              'markkinointikampanjat',
              'vastuu': 'Kaupunkitarkastaja ja hallinto- ja kehitysjohtaja, Jatkuvaa toimintaa',
              'mittarit': 'Riskitason lasku, ohjelmat uusitaan/päivitetään valtuustokausittain',
              'sdg': [],
              'seed_tavoite': 'Sujuva, turvallinen arki synnyttää vetovoimaa ja monipuolistaa '
                              'sekä vahvistaa väestörakennetta.',
              'notes': 'Sarakkeittain painettu taulukko (5 tavoitetta, 5 toimenpidettä, 5 '
                       'vastuuta, 5 mittaria): rivit koottu kappaleiden järjestyksen mukaan, tämä '
                       "rivi = 1. kappaleet. Taulukon tavoitemuoto 'Sujuva, turvallinen arki…' on "
                       'kentässä seed_tavoite.'},
             {'id': 'SA-KV-02',
              'goal': 'SA',
              'department': 'KV',
              'objectives': ['SA-2'],
              'toimenpiteet': 'Päätöksenteon avoimuus, luotettava ja laadukas valmistelu, '
                              'viestintä',
              'vastuu': 'Toimialajohtajat Jatkuvaa toimintaa',
              'mittarit': 'Kuntalaiskyselyt',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 2. kappaleista.'},
             {'id': 'SA-KV-03',
              'goal': 'SA',
              'department': 'KV',
              'objectives': ['SA-3'],
              'toimenpiteet': 'Digitaaliset palvelut ja saavutettavuus',
              'vastuu': 'tietohallintopäällikkö',
              'mittarit': 'Vuosittain vähintään yksi uusi palvelu digitalisoidaan',
              'sdg': [],
              'notes': 'Rivi = sarakkeiden 3. kappaleet. Kappaleet 3 ja 4 ovat taulukossa sanasta '
                       'sanaan samat mutta eri tavoitteilla (SA-3 ja SA-4), joten molemmat rivit '
                       'on säilytetty.'},
             {'id': 'SA-KV-04',
              'goal': 'SA',
              'department': 'KV',
              'objectives': ['SA-4'],
              'toimenpiteet': 'Digitaaliset palvelut ja saavutettavuus',
              'vastuu': 'tietohallintopäällikkö',
              'mittarit': 'Vuosittain vähintään yksi uusi palvelu digitalisoidaan',
              'sdg': [],
              'notes': 'Rivi = sarakkeiden 4. kappaleet; sama teksti kuin rivillä SA-KV-03, '
                       'säilytetty omana rivinään tavoitteelle SA-4.'},
             {'id': 'SA-KV-05',
              'goal': 'SA',
              'department': 'KV',
              'objectives': ['SA-5'],
              'toimenpiteet': 'Uuden viestintäohjeen käyttöönotto. Viestintätiimin '
                              'kuukausipalaverit',
              'vastuu': 'hallinto- ja kehitysjohtaja',
              'mittarit': 'Toimialakohtainen viikoittainen uutisointi omasta toiminnasta '
                          '(some/www/tiedote)\n'
                          'Markkinointisuunnitelma/vuosikello',
              'sdg': [],
              'notes': 'Rivi = sarakkeiden 5. kappaleet. Korjattu kirjoitusvirheet: '
                       "'Viestintämiin' → 'Viestintätiimin' ja 'viikottainen' → 'viikoittainen'."},
             {'id': 'SA-HYV-01',
              'goal': 'SA',
              'department': 'HYV',
              'objectives': ['SA-1'],
              'toimenpiteet': 'Päiväkoti ja kouluverkkosuunnittelua ja toimeenpanoa jatketaan. '
                              'Tulevaisuuden kunnan päiväkoti- ja kouluverkko selvitys.',
              'vastuu': 'Hyvinvointijohtaja, tulosaluepäälliköt, lähiesihenkilöt 2022-',
              'mittarit': 'Selvitys on valmis 5/2022, selvityksen toimeenpano',
              'sdg': [],
              'seed_tavoite': 'Sujuva, turvallinen arki synnyttää vetovoimaa ja monipuolistaa '
                              'sekä vahvistaa väestörakennetta.',
              'notes': "Korjattu kirjoitusvirheet: 'kouluverkkoosuunnitelua' → "
                       "'kouluverkkosuunnittelua' ja 'päiväkotij-' → 'päiväkoti-'. Taulukon "
                       "tavoitemuoto 'Sujuva, turvallinen arki…' on kentässä seed_tavoite."},
             {'id': 'SA-HYV-02',
              'goal': 'SA',
              'department': 'HYV',
              'objectives': ['SA-2'],
              'toimenpiteet': 'Tiedotamme oikea-aikaisesti kaupungin eri tiedotuskanavissa '
                              'positiivisesti strategiset tavoitteet huomioiden',
              'vastuu': 'Tulosaluejohtajat',
              'mittarit': '',
              'sdg': [],
              'notes': 'Mittarit-solu on taulukossa tyhjä ja jätetty tyhjäksi.'},
             {'id': 'SA-HYV-03',
              'goal': 'SA',
              'department': 'HYV',
              'objectives': ['SA-3'],
              'toimenpiteet': 'Vapaa-aikapalvelujen kokonaisselvitys rakenteiden uudistamiseksi. '
                              'Harrastetoiminta kouluilla. Perhekeskusyhteistyö. Digitaalisuus '
                              'palveluissa. Chat-palvelun kokeileminen. Omatoimikirjasto '
                              'mahdollistaa palvelujen saatavuuden',
              'vastuu': 'Tulosaluejohtajat',
              'mittarit': 'Selvitys on valmis keväällä 2022. Harrastetoimintaa joka koululla. '
                          'Vähintään kolmessa eri palvelussa on kokeiltu chatin toimivuutta. '
                          'Omatoimikirjaston lainausmäärät palveluajan ulkopuolella',
              'sdg': [],
              'notes': "Korjattu kirjoitusvirheet: 'Perhekeskisyhteistyö' → "
                       "'Perhekeskusyhteistyö' ja 'keväät 2022' → 'keväällä 2022'. Useita "
                       'toimenpiteitä samalla vastuulla, pidetty yhtenä rivinä.'},
             {'id': 'SA-HYV-04',
              'goal': 'SA',
              'department': 'HYV',
              'objectives': ['SA-4'],
              'toimenpiteet': 'Uuden tila- ja ajanvarausjärjestelmän hankkiminen',
              'vastuu': 'Hyvinvointijohtaja Tulosaluepäälliköt Lähiesihenkilöt 2022',
              'mittarit': 'Uusi järjestelmä on käyttöönotettu.',
              'sdg': []},
             {'id': 'SA-HYV-05',
              'goal': 'SA',
              'department': 'HYV',
              'objectives': ['SA-5'],
              'toimenpiteet': 'Markkinoinnin ja mainonnan yhtenäistäminen. Käytämme selkokielisiä '
                              'tiedotteissa.',
              'vastuu': 'Vapaa-aikapäällikkö ja tulosalueen henkilöstö',
              'mittarit': 'Vapaa-aikapalvelujen yhteinen markkinointisuunnitelma',
              'sdg': [],
              'notes': "Lause 'Käytämme selkokielisiä tiedotteissa.' on jätetty painettuun "
                       'muotoonsa, koska tarkoitettua muotoa ei voi varmasti päätellä.'},
             {'id': 'SA-PT-01',
              'goal': 'SA',
              'department': 'PT',
              'objectives': ['SA-1'],
              'toimenpiteet': 'Huolehditaan monipuolisista ja tarpeenmukaisista peruspalveluista. '
                              'Vaikutetaan hyvinvointialueen valmistelussa lähipalveluiden '
                              'säilymiseen.',
              'vastuu': 'Toimialajohtaja ja tulosaluepäälliköt',
              'mittarit': 'Kuntalaiskysely',
              'sdg': []},
             {'id': 'SA-PT-02',
              'goal': 'SA',
              'department': 'PT',
              'objectives': ['SA-2'],
              'toimenpiteet': 'Vahvistetaan palvelujen monikanavaisuutta. Kuntalainen voi luottaa '
                              'että palvelut tuotetaan suunnitelmien ja sopimusten mukaisesti.',
              'vastuu': 'Toimialajohtaja ja tulosaluepäälliköt',
              'mittarit': 'Päivitetyt palvelusuunnitelmat',
              'sdg': []},
             {'id': 'SA-PT-03',
              'goal': 'SA',
              'department': 'PT',
              'objectives': ['SA-3'],
              'toimenpiteet': 'Huolehdimme henkilöstön ammattitaidosta ja osaamisesta.',
              'vastuu': 'Tulosaluepäälliköt',
              'mittarit': 'Henkilöstön koulutuspäivät',
              'sdg': []},
             {'id': 'SA-PT-04',
              'goal': 'SA',
              'department': 'PT',
              'objectives': ['SA-4'],
              'toimenpiteet': 'Palveluohjauksen kehittäminen ja asioinnin sujuvoittaminen. '
                              'Otetaan käyttöön sähköisiä palveluja aiempaa laajemmin.',
              'vastuu': 'Tulosaluepäälliköt',
              'mittarit': 'Palveluohjauksen toimintamalli käytössä.\n'
                          'Käytössä olevat sähköiset palvelut.',
              'sdg': [],
              'seed_tavoite': 'Liikkuminen on esteetöntä ja palvelut helposti saatavilla',
              'notes': "Mittari 'Käytössä olevat sähköiset palvelut.' on painettu seuraavalle "
                       'riville (SA-PT-05), jonka tavoitesolu on tyhjä; se mittaa tämän rivin '
                       "toimenpidettä 'Otetaan käyttöön sähköisiä palveluja aiempaa laajemmin', "
                       'joten se on siirretty tälle riville. Painettu tavoiteteksti eroaa '
                       'kanonisesta vain loppupisteen osalta; painettu muoto on kentässä '
                       'seed_tavoite.'},
             {'id': 'SA-PT-05',
              'goal': 'SA',
              'department': 'PT',
              'objectives': ['SA-4'],
              'toimenpiteet': 'Henkilökohtaista palvelua tarjotaan sitä tarvitseville',
              'vastuu': 'Esihenkilöt',
              'mittarit': '',
              'sdg': [],
              'notes': 'Tavoite-solu on taulukossa tyhjä: rivi jatkaa yllä olevaa tavoitetta SA-4 '
                       "('Liikkuminen…'). Rivillä painettu mittari 'Käytössä olevat sähköiset "
                       "palvelut.' mittaa edellisen rivin toimenpidettä ('Otetaan käyttöön "
                       "sähköisiä palveluja aiempaa laajemmin'), joten se on siirretty riville "
                       'SA-PT-04; henkilökohtaiselle palvelulle taulukossa ei ole omaa mittaria.'},
             {'id': 'SA-PT-06',
              'goal': 'SA',
              'department': 'PT',
              'objectives': ['SA-5'],
              'toimenpiteet': 'Tiedotamme palveluista selkokielellä eri viestimiä käyttäen',
              'vastuu': 'Esihenkilöt',
              'mittarit': 'Erilaiset tiedotteet ja käytössä olevat viestintäkanavat',
              'sdg': [],
              'notes': "Korjattu kirjoitusvirhe: 'viestimä' → 'viestimiä'."},
             {'id': 'SA-EV-01',
              'goal': 'SA',
              'department': 'EV',
              'objectives': ['SA-1'],
              'toimenpiteet': 'Hyvät yritysverkostot, osaamisen kehittäminen ja oppilaitosten '
                              'tarjoama TKI-toimintaympäristö.',
              'vastuu': 'Toimialajohtaja, työllisyyspäällikkö, elinkeinopäällikkö, '
                        'kaupungingeodeetti ja Kivalo-opiston rehtori / v.2021-2025',
              'mittarit': 'Oppilaitosten kanssa tehty Kumppanuussopimus: määritellyt tavoitteet, '
                          'mittarit ja arviointi.',
              'sdg': [],
              'notes': 'Sarakkeittain painettu taulukko (4 tavoitetta: SA-1, SA-3, SA-4, SA-5 – '
                       'tavoitetta SA-2 ei ole; 5 toimenpidettä, 5 vastuuta, 5 mittaria): '
                       'toimenpiteet, vastuut ja mittarit kohdistettu järjestyksen mukaan, tämä '
                       'rivi = 1. kappaleet.'},
             {'id': 'SA-EV-02',
              'goal': 'SA',
              'department': 'EV',
              'objectives': ['SA-3'],
              'toimenpiteet': 'Matalankynnyksen yhden oven-palvelut Ohjaamossa ja Pointissa '
                              'nuorille, työnhakijoille ja työnantajille.',
              'vastuu': 'Jatkuvan parantamisen malli. Työllisyyspäällikkö / v.2021-2025',
              'mittarit': 'Asiakasmäärä/ Jatkoon ohjatut asiakkaat',
              'sdg': [],
              'notes': 'Rivi = 2. kappaleet, liitetty tavoitteeseen SA-3 (saavutettavat, '
                       "asiakaslähtöiset palvelut). Korjattu kirjoitusvirhe: 'Jatkokon' → "
                       "'Jatkoon'."},
             {'id': 'SA-EV-03',
              'goal': 'SA',
              'department': 'EV',
              'objectives': ['SA-3'],
              'toimenpiteet': 'Yrityksille tarjotaan palveluita yhden oven -periaatteella.',
              'vastuu': 'Business Kemi Elinkeinopäällikkö / v.2021-2025',
              'mittarit': 'Yritysneuvontaan osallistuvien lukumäärä (Digipolis ja '
                          'elinkeinopalvelut)',
              'sdg': [],
              'notes': 'Rivi = 3. kappaleet. Toimenpiteitä on yksi enemmän kuin tavoitteita; tämä '
                       'yhden oven -yrityspalvelu on liitetty rivin SA-EV-02 tavoin tavoitteeseen '
                       'SA-3.'},
             {'id': 'SA-EV-04',
              'goal': 'SA',
              'department': 'EV',
              'objectives': ['SA-4'],
              'toimenpiteet': 'Matalan kynnyksen, monikanavaiset palvelut elinvoimatoimialalla. '
                              'Joka arkipäivä mahdollisuus asioida ilman aikavarausta Ohjaamossa '
                              'tai Pointissa. Sähköiset välineet käytössä asiakastyössä',
              'vastuu': 'Työllisyyspäällikkö, elinkeinopäällikkö, kaupungingeodeetti ja '
                        'Kivalo-opiston rehtori / v.2021-2025',
              'mittarit': 'Asiakaskontaktien lkm.',
              'sdg': [],
              'notes': 'Rivi = 4. kappaleet, liitetty tavoitteeseen SA-4 (palvelut helposti '
                       'saatavilla).'},
             {'id': 'SA-EV-05',
              'goal': 'SA',
              'department': 'EV',
              'objectives': ['SA-5'],
              'toimenpiteet': 'Elinvoimatoimialan yhteinen ja eri palvelupisteiden monikanavainen '
                              'viestintä.',
              'vastuu': 'Toimialajohtaja, työllisyyspäällikkö, elinkeinopäällikkö, '
                        'kaupungingeodeetti ja Kivalo-opiston rehtori / v.2021-2025',
              'mittarit': 'Toimialan näkyminen intra-viestinnässä, kaupungin monikanavaisessa '
                          'viestinnässä, Kemiläinen-lehdessä, tapahtumissa. '
                          'Markkinointisuunnitelma',
              'sdg': [],
              'seed_tavoite': 'Viestimme toiminnastamme selkeästi, ymmärrettävästi ja '
                              'ennakoivasti.',
              'notes': 'Sarakkeittain painettu taulukko: rivi koottu sarakkeiden 5. '
                       'kappaleista.'}],
 'indicators': [{'id': 'EK-YMP-01-M1',
                 'action': 'EK-YMP-01',
                 'name': 'Hiilidioksidipäästöt (CO2)',
                 'unit': 'kt CO2-ekv.',
                 'direction': 'down',
                 'notes': 'Strategian mittari: Hiilidioksidi (CO2) päästöjen kehitys.'},
                {'id': 'EK-YMP-07-M1',
                 'action': 'EK-YMP-07',
                 'name': 'Lupakäsittelyn pituus',
                 'unit': 'vrk',
                 'direction': 'down',
                 'notes': 'Strategian mittari: Lupakäsittelyn pituus/vrk.'},
                {'id': 'EK-KV-01-M1',
                 'action': 'EK-KV-01',
                 'name': 'Sertifioidut uudet yksiköt',
                 'unit': 'kpl',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Sertifioidut uudet yksiköt x kpl.'},
                {'id': 'EK-HYV-04-M1',
                 'action': 'EK-HYV-04',
                 'name': 'Uudet kulttuurialan yritykset',
                 'unit': 'kpl',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Uudet yritykset (toimenpide: kulttuuriyrittäjyyden '
                          'kehittäminen).'},
                {'id': 'EK-HYV-05-M1',
                 'action': 'EK-HYV-05',
                 'name': 'Tuotteistettujen palvelujen myyntimäärä',
                 'unit': 'kpl',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Tuotteistettujen palvelujen myyntimäärät.'},
                {'id': 'EK-EV-04-M1',
                 'action': 'EK-EV-04',
                 'name': 'Työpaikkojen määrä Kemissä',
                 'unit': 'työpaikkaa',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Työpaikkojen määrä Kemissä.'},
                {'id': 'EK-EV-04-M2',
                 'action': 'EK-EV-04',
                 'name': 'Työttömyysaste',
                 'unit': '%',
                 'direction': 'down',
                 'notes': 'Strategian mittari: Työttömyysasteen lasku.'},
                {'id': 'EK-EV-05-M1',
                 'action': 'EK-EV-05',
                 'name': 'Yritysneuvontaan tulleet yritykset',
                 'unit': 'kpl',
                 'direction': 'up',
                 'notes': 'Strategian mittari: yritysneuvontaan tulleiden yritysten määrä.'},
                {'id': 'EK-EV-07-M1',
                 'action': 'EK-EV-07',
                 'name': 'Varatut yritys- ja asuntotontit',
                 'unit': 'kpl',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Varatut yritys- ja asuntotontit per vuosi.'},
                {'id': 'EK-EV-10-M1',
                 'action': 'EK-EV-10',
                 'name': 'Kotimaisten matkailijoiden määrä (yöpymiset)',
                 'unit': 'yöpymistä',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Kotimaisten matkailijoiden määrä.'},
                {'id': 'EK-EV-11-M1',
                 'action': 'EK-EV-11',
                 'name': 'Aktivointiaste',
                 'unit': '%',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Aktivointiaste.'},
                {'id': 'HK-YMP-03-M1',
                 'action': 'HK-YMP-03',
                 'name': 'Koulutuksiin osallistuneet henkilöt',
                 'unit': 'henkilöä',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Koulutuksiin osallistuvien henkilöiden määrä.'},
                {'id': 'HK-EV-01-M1',
                 'action': 'HK-EV-01',
                 'name': 'Alle 25-vuotiaiden työttömien osuus samanikäisestä työvoimasta',
                 'unit': '%',
                 'direction': 'down',
                 'notes': 'Strategian mittari sellaisenaan.'},
                {'id': 'HK-EV-04-M1',
                 'action': 'HK-EV-04',
                 'name': 'Työvoimakoulutuksiin ja omaehtoiseen opiskeluun osallistuneet',
                 'unit': 'henkilöä',
                 'direction': 'up',
                 'notes': 'Strategian mittari sellaisenaan.'},
                {'id': 'SA-KV-03-M1',
                 'action': 'SA-KV-03',
                 'name': 'Uudet digitalisoidut palvelut',
                 'unit': 'kpl/v',
                 'direction': 'up',
                 'target': {'value': 1, 'year': 2025},
                 'notes': 'Strategian mittari: Vuosittain vähintään yksi uusi palvelu '
                          'digitalisoidaan (tavoite: vähintään 1 joka vuosi).'},
                {'id': 'SA-PT-03-M1',
                 'action': 'SA-PT-03',
                 'name': 'Henkilöstön koulutuspäivät',
                 'unit': 'pv/hlö',
                 'direction': 'up',
                 'notes': 'Strategian mittari: Henkilöstön koulutuspäivät.'}],
 'reconstruction_notes': 'Lähde: Kemin kaupunkistrategia 2022–2025 (KV 31.1.2022 § 3), tekstiksi '
                         'muunnettu asiakirja, jossa on\n'
                         '17 taulukkoa "Strateginen päämäärä: <PÄÄMÄÄRÄ>, <toimiala>". Jokainen '
                         'taulukko on mukana; yhteensä 92\n'
                         'toimenpideriviä. Kunkin rivin ratkaisut on kirjattu rivin '
                         'notes-kenttään ja koottu RECONSTRUCTION.md:hen.\n'
                         '\n'
                         '1. Järjestys ja tunnisteet: päämäärä kerrallaan (EK, HK, SA), toimialat '
                         'järjestyksessä YMP, KV, HYV, PT,\n'
                         '   EV ja toimialan sisällä taulukon järjestyksessä. HK:n taulukot on '
                         'asiakirjassa painettu järjestyksessä\n'
                         '   ympäristö, keskusvirasto, perusturva, elinvoima, elinvoima, '
                         'hyvinvointi. Kahden elinvoiman taulukon\n'
                         '   päämäärissä (EK, HK) molemmat kuuluvat toimialalle EV ja numerointi '
                         'jatkuu toisessa taulukossa.\n'
                         '2. Sarakkeittain painetut taulukot (EK hyvinvointi, EK elinvoima 1, HK '
                         'elinvoima 2, HK hyvinvointi,\n'
                         '   SA keskusvirasto, SA elinvoima): rivit on koottu kohdistamalla '
                         'sarakkeiden kappaleet järjestyksessä;\n'
                         '   kun kappaleiden määrät eroavat, kohdistus on tehty sisällön '
                         'perusteella ja kirjattu riville.\n'
                         '3. Jakaminen: solun toimenpiteet on jaettu omiksi riveikseen, kun '
                         'taulukko antaa kullekin toimenpiteelle\n'
                         '   (tai toimenpidekokonaisuudelle) oman vastuumerkintänsä: joko eri '
                         'vastuutahot (EK-YMP-06/07, HK-EV-01/02,\n'
                         '   HK-EV-04/05) tai saman vastuutahon toistettuna toimenpide kerrallaan '
                         'omine aikatauluineen tai hankkeineen\n'
                         "   (EK-YMP-02–04: 'Ympäristöjohtaja/2022' kolmesti; EK-EV-07–10: oma "
                         'vastuukappale kullekin). Näin kukin saa\n'
                         '   oman tilan. Kun useammalla toimenpiteellä on yksi yhteinen '
                         'vastuumerkintä, ne on pidetty yhtenä rivinä,\n'
                         '   vaikka aikataulut tai mittarit eroaisivat (esim. HK-KV-02, EK-PT-04, '
                         'EK-EV-11). Jaetun solun yhteinen\n'
                         '   mittari tai vastuutaho on toistettu niillä riveillä, joita se '
                         'koskee, ja vain niillä (kirjattu\n'
                         '   notes-kenttään).\n'
                         '4. Mitään taulukoiden tekstiä ei ole jätetty pois. Tyhjät solut ovat '
                         'tyhjiä merkkijonoja. HK keskusvirasto\n'
                         '   -taulukon lopussa olleet viisi kokonaan tyhjää riviä on poistettu. '
                         'Toteuma-sarake on kaikissa\n'
                         '   taulukoissa tyhjä (se on raportoinnin kenttä), joten sitä ei ole '
                         'tallennettu.\n'
                         '5. Kahden taulukon <p>-merkinnät ovat asiakirjamuunnoksen jäänteitä: ne '
                         'on poistettu ja kappaleet erotettu\n'
                         '   rivinvaihdoin. Muut solujen sisäiset rivinvaihdot on säilytetty.\n'
                         '6. Tavoitteet: kanoninen teksti on taulukoissa useimmin painettu muoto '
                         '(EK-4 muodossa "yritysympäristö").\n'
                         '   Kun rivin taulukossa painettu tavoiteteksti poikkeaa kanonisesta '
                         'muuten kuin välilyönneiltään, se on\n'
                         '   tallennettu sellaisenaan kenttään seed_tavoite (myös pelkkä puuttuva '
                         'tai ylimääräinen loppupiste).\n'
                         '   Kun tavoitesolu kattaa kaksi tavoitetta, rivillä on molemmat koodit; '
                         'tyhjä tavoitesolu jatkaa yllä olevaa.\n'
                         '7. Ilmeiset kirjoitusvirheet on korjattu ja jokainen korjaus kirjattu '
                         'rivin notes-kenttään. Epävarmat\n'
                         '   kirjoitusasut on jätetty ennalleen. Sanamuotoja ei ole muuten '
                         'muokattu. Vastuu-kenttä on kuten\n'
                         '   painettu (nimike ja aikataulu yhdessä).\n'
                         '8. SDG: strategia liittää rivin YK:n kestävän kehityksen tavoitteisiin '
                         'joko rivin omassa SDG-solussa\n'
                         '   (rivin sdg-kenttä) tai koko taulukon kuvakeluettelona (tables-osio: '
                         'päämäärä × toimiala). Vain kaksi\n'
                         '   taulukkoa painaa SDG-tavoitteita. HK perusturvan SDG-sarakkeessa on '
                         'jokaisella rivillä kaksi numeroa\n'
                         '   nousevassa järjestyksessä rivin sisällöstä riippumatta: se on '
                         'rivittynyt koko taulukon luettelo, ja se on\n'
                         '   kirjattu taulukolle HK × PT. EK elinvoiman 2. taulukossa luettelo on '
                         'painettu yhden rivin SDG-soluun, ja\n'
                         '   rivi on jaettu riveiksi EK-EV-07–10, joten luettelo on jokaisen '
                         'niistä oma (taulukon toisen rivin\n'
                         '   EK-EV-11 SDG-solu on tyhjä). Muiden taulukoiden SDG-sarake on tyhjä. '
                         'Strategian rivillä antamat\n'
                         '   tavoitteet ovat rivin omat, jos niitä on, muuten sen taulukon '
                         'tavoitteet. Raporteissa rivin tavoitteet\n'
                         '   ovat toimialan SDG-soluun kirjoittamat numerot, kun solussa on '
                         'numeroita; kun solu on tyhjä, strategian\n'
                         '   rivillä antamat tavoitteet. Tavoitteiden nimet ovat sdg-osiossa '
                         'virallisessa muodossa.\n'
                         '9. EK ympäristö -taulukon otsikon lisäys "KV 31.1.22 § 3" on '
                         'hyväksymismerkintä (kenttä approved), ei\n'
                         '   taulukon sisältöä. Visio, missio, arvot ja päämäärien kuvaukset on '
                         'kirjattu asiakirjan mukaisina.\n'}
