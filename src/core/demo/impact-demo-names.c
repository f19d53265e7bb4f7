/* impact-demo-names.c: word lists the demo generator combines into names
 *
 * The names are made up from common Dutch surnames, trades and place names; any likeness
 * to a real company is chance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "impact-demo"

#include "config.h"

#include "impact-demo-names.h"

const ImpactDemoDivision impact_demo_divisions[6] = {
  { "SCHOON", "Schoonmaak", "SCH" },
  { "CATER", "Catering", "CAT" },
  { "BEVEI", "Beveiliging", "BEV" },
  { "ZORG", "Zorg", "ZRG" },
  { "TECH", "Technische Diensten", "TEC" },
  { "DETA", "Detachering", "DET" },
};

const char *const impact_demo_cities[] = {
  "Amsterdam",
  "Rotterdam",
  "Utrecht",
  "Den Haag",
  "Eindhoven",
  "Groningen",
  "Tilburg",
  "Almere",
  "Breda",
  "Nijmegen",
  "Apeldoorn",
  "Haarlem",
  "Arnhem",
  "Enschede",
  "Amersfoort",
  "Zaanstad",
  "Den Bosch",
  "Zwolle",
  "Leiden",
  "Maastricht",
  "Dordrecht",
  "Ede",
  "Alkmaar",
  "Delft",
  "Deventer",
  "Leeuwarden",
  "Venlo",
  "Helmond",
  "Hilversum",
  "Assen",
};

const char *const impact_demo_client_kinds[] = {
  "Gemeente",
  "Hogeschool",
  "Zorggroep",
  "Woonstichting",
  "Waterschap",
  "Ziekenhuis",
  "ROC",
  "Museum",
  "Rechtbank",
  "Omgevingsdienst",
};

const char *const impact_demo_sites[] = {
  "Stadskantoor",
  "Hoofdlocatie",
  "Campus",
  "Servicecentrum",
  "Locatie Noord",
  "Locatie Zuid",
  "Publiekshal",
  "Distributiecentrum",
  "Werf",
  "Zorgcentrum",
};

const char *const impact_demo_surnames[] = {
  "De Jong",
  "Jansen",
  "De Vries",
  "Van den Berg",
  "Van Dijk",
  "Bakker",
  "Janssen",
  "Visser",
  "Smit",
  "Meijer",
  "De Boer",
  "Mulder",
  "De Groot",
  "Bos",
  "Vos",
  "Peters",
  "Hendriks",
  "Van Leeuwen",
  "Dekker",
  "Brouwer",
  "De Wit",
  "Dijkstra",
  "Smits",
  "De Graaf",
  "Van der Meer",
  "Van der Linden",
  "Kok",
  "Jacobs",
  "De Haan",
  "Vermeulen",
  "Van den Heuvel",
  "Van der Veen",
  "Van den Broek",
  "De Bruijn",
  "De Bruin",
  "Van der Heijden",
  "Schouten",
  "Van Beek",
  "Willems",
  "Van Vliet",
  "Van de Ven",
  "Hoekstra",
  "Maas",
  "Verhoeven",
  "Koster",
  "Van Dam",
  "Van der Wal",
  "Prins",
  "Blom",
  "Huisman",
};

const char *const impact_demo_legal_forms[] = {
  "B.V.",
  "B.V.",
  "B.V.",
  "B.V.",
  "V.O.F.",
  "Holding B.V.",
  "N.V.",
};

const char *const impact_demo_regions[] = {
  "Rijnmond",
  "Twente",
  "Drechtsteden",
  "Kennemerland",
  "Gooi en Vecht",
  "Westland",
  "Achterhoek",
  "Noordoost",
  "Zuid-Limburg",
  "Veluwe",
  "Rivierenland",
  "De Kempen",
  "Amstelland",
  "Fryslân",
  "Hollands Kroon",
  "Midden-Brabant",
  "Zeeland",
  "Drenthe",
  "Flevoland",
  "Haaglanden",
  "Eemland",
  "Waterland",
  "Oost-Gelderland",
  "West-Brabant",
  "Noord-Limburg",
  "IJsselland",
  "Groningen-Stad",
  "Alblasserwaard",
  "Zaanstreek",
  "Duin- en Bollenstreek",
};

const char *const impact_demo_social_enterprises[] = {
  "Koffie & Kansen",
  "Schone Start",
  "Groen Werkt",
  "De Nieuwe Fietsenmaker",
  "Brood & Banen",
  "Textiel met Toekomst",
  "Wasserij Samen",
  "Catering Anders",
  "Kringloop Plus",
  "Drukkerij Doen",
  "Hergebruik Hub",
  "Tuin & Talent",
  "Schoon Resultaat",
  "Kansrijk Koken",
  "Post & Perspectief",
  "Werkplaats Welzijn",
  "Stadsboerderij Buiten",
  "Meubel Tweede Leven",
  "Het Vaste Werk",
  "Lunch met Lef",
  "Fietskoeriers Vooruit",
  "Beheer en Begeleiding",
  "Zorgzaam Schoon",
  "Digitaal Dichtbij",
  "Archief Anders",
  "Groenploeg Samen",
  "Koken voor Kansen",
  "Montage Maatwerk",
  "De Verpakkers",
  "Reparatie Café Plus",
};

static const char *const cleaning_trades[] = {
  "Schoonmaakmiddelen",
  "Hygiëne",
  "Papierwaren",
  "Textielverhuur",
  "Glazenwasserij",
  NULL,
};
static const char *const catering_trades[] = {
  "Groothandel",
  "Versservice",
  "Koffieservice",
  "Zuivel",
  "Bakkerij",
  "Vending",
  NULL,
};
static const char *const security_trades[] = {
  "Beveiligingstechniek",
  "Alarmcentrale",
  "Camerasystemen",
  "Toegangscontrole",
  NULL,
};
static const char *const care_trades[] = {
  "Medische Hulpmiddelen",
  "Zorgtextiel",
  "Incontinentiezorg",
  "Apotheek Service",
  NULL,
};
static const char *const technical_trades[] = {
  "Installatietechniek",
  "Elektrotechniek",
  "Bouw",
  "Liften",
  "Klimaattechniek",
  "Dakwerken",
  NULL,
};
static const char *const general_trades[] = {
  "Transport",
  "Kantoorartikelen",
  "Uitzendbureau",
  "ICT",
  "Groenvoorziening",
  "Afvalbeheer",
  "Bedrijfskleding",
  "Drukwerk",
  "Leasing",
  "Energie",
  NULL,
};

/* One category per division, then the categories every division buys. */
const ImpactDemoCategory impact_demo_categories[] = {
  { "Schoonmaakmiddelen en hygiëne", "4210", cleaning_trades },
  { "Voeding en dranken", "4220", catering_trades },
  { "Beveiligingsmiddelen", "4230", security_trades },
  { "Zorgmaterialen", "4240", care_trades },
  { "Technisch onderhoud", "4250", technical_trades },
  { "Algemene kosten", "4400", general_trades },
};

guint
impact_demo_cities_len (void)
{
  return G_N_ELEMENTS (impact_demo_cities);
}
guint
impact_demo_client_kinds_len (void)
{
  return G_N_ELEMENTS (impact_demo_client_kinds);
}
guint
impact_demo_sites_len (void)
{
  return G_N_ELEMENTS (impact_demo_sites);
}
guint
impact_demo_surnames_len (void)
{
  return G_N_ELEMENTS (impact_demo_surnames);
}
guint
impact_demo_legal_forms_len (void)
{
  return G_N_ELEMENTS (impact_demo_legal_forms);
}
guint
impact_demo_regions_len (void)
{
  return G_N_ELEMENTS (impact_demo_regions);
}
guint
impact_demo_social_enterprises_len (void)
{
  return G_N_ELEMENTS (impact_demo_social_enterprises);
}
guint
impact_demo_categories_len (void)
{
  return G_N_ELEMENTS (impact_demo_categories);
}
