"""Word lists the demo generator draws from: places, names, trades and the phrases reps write.

Pure data, no logic: the generator picks from these tuples by index, so their order is
part of the generator's deterministic output. Append rather than reorder when editing.
Text templates use ``str.format`` fields: {who}, {contact}, {product}, {product2}, {quote},
{amount}, {currency}.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Territory:
    """A city cluster that one or more field reps cover."""

    name: str
    country: str  # ISO 3166 alpha-2, as stored on accounts
    team: str  # users.team of the reps working it
    clock: str  # which daylight-saving rule applies: "america" or "europe"
    latitude: float  # real city centre
    longitude: float
    spread_km: float  # standard deviation of the account scatter around the centre
    weight: float  # share of the accounts when every territory is active
    english_share: float  # share of accounts run in English
    postal_prefixes: tuple[str, ...]  # Canadian FSAs, or full French codes
    area_codes: tuple[str, ...]  # Canadian area codes, or the French 0X prefix
    streets: tuple[str, ...]
    districts: tuple[tuple[str, str], ...]  # (district, French "de" phrase)


# Ordered so that the first two (the minimum number of field reps) cover both countries:
# even a five-account demo shows CAD and EUR, Québec and France.
TERRITORIES: tuple[Territory, ...] = (
    Territory(
        "Montréal", "CA", "quebec", "america", 45.5017, -73.5673, 5.5, 0.34, 0.30,
        ("H2X", "H2T", "H2J", "H2L", "H2W", "H2V", "H2S", "H2R", "H2G", "H1V", "H1W", "H3B",
         "H3C", "H3H", "H3J", "H4C", "H4E", "H3N", "H3S", "H4A", "H1Y", "H2E", "H3T", "H4B"),
        ("514", "438"),
        ("rue Saint-Denis", "boulevard Saint-Laurent", "rue Sainte-Catherine Est",
         "rue Sainte-Catherine Ouest", "avenue du Mont-Royal Est", "rue Sherbrooke Ouest",
         "rue Notre-Dame Ouest", "rue Ontario Est", "avenue Laurier Ouest", "rue Jean-Talon Est",
         "boulevard Décarie", "rue Beaubien Est", "rue Masson", "avenue Papineau",
         "rue Wellington", "avenue Monkland", "chemin de la Côte-des-Neiges", "rue Saint-Hubert",
         "boulevard Rosemont", "rue de Bleury", "avenue du Parc", "rue Fleury Ouest",
         "boulevard Henri-Bourassa Est", "rue Saint-Zotique Est", "rue Ontario Ouest"),
        (("Plateau", "du Plateau"), ("Rosemont", "de Rosemont"), ("Mile End", "du Mile End"),
         ("Verdun", "de Verdun"), ("Hochelaga", "d'Hochelaga"), ("Saint-Henri", "Saint-Henri"),
         ("Vieux-Montréal", "du Vieux-Montréal"), ("Villeray", "de Villeray"),
         ("Outremont", "d'Outremont"), ("Côte-des-Neiges", "de Côte-des-Neiges"),
         ("Ahuntsic", "d'Ahuntsic"), ("Petite-Patrie", "de la Petite-Patrie"),
         ("Saint-Laurent", "Saint-Laurent"), ("Griffintown", "de Griffintown"),
         ("Westmount", "de Westmount")),
    ),
    Territory(
        "Paris", "FR", "france", "europe", 48.8566, 2.3522, 3.5, 0.18, 0.0,
        tuple(f"750{n:02d}" for n in range(1, 21)),
        ("01",),
        ("rue de Rivoli", "boulevard Haussmann", "rue du Faubourg Saint-Antoine",
         "avenue de la République", "rue de la Roquette", "rue Oberkampf", "rue de Vaugirard",
         "avenue d'Italie", "rue de Belleville", "rue des Martyrs", "boulevard Voltaire",
         "rue de Charonne", "rue Lecourbe", "avenue de Clichy", "rue du Commerce",
         "rue Montorgueil", "boulevard de Magenta", "rue de la Convention", "avenue Daumesnil",
         "rue Saint-Maur"),
        (("Marais", "du Marais"), ("Montmartre", "de Montmartre"), ("Bastille", "de la Bastille"),
         ("Belleville", "de Belleville"), ("Batignolles", "des Batignolles"),
         ("Opéra", "de l'Opéra"), ("Saint-Germain", "de Saint-Germain"),
         ("Butte-aux-Cailles", "de la Butte-aux-Cailles"), ("Ménilmontant", "de Ménilmontant"),
         ("Grenelle", "de Grenelle"), ("Nation", "de la Nation")),
    ),
    Territory(
        "Québec", "CA", "quebec", "america", 46.8139, -71.2080, 6.0, 0.17, 0.04,
        ("G1R", "G1K", "G1S", "G1V", "G1L", "G1M", "G1N", "G1J", "G1H", "G2J", "G2K", "G1W",
         "G1X", "G1E"),
        ("418", "581"),
        ("rue Saint-Jean", "boulevard Laurier", "chemin Sainte-Foy", "boulevard Charest Ouest",
         "avenue Cartier", "rue Saint-Joseph Est", "3e Avenue", "boulevard Hamel",
         "rue de la Couronne", "avenue Maguire", "boulevard Henri-Bourassa", "1re Avenue",
         "rue Saint-Paul", "Grande Allée Est", "boulevard Wilfrid-Hamel", "avenue Myrand"),
        (("Vieux-Québec", "du Vieux-Québec"), ("Limoilou", "de Limoilou"),
         ("Sainte-Foy", "de Sainte-Foy"), ("Saint-Roch", "de Saint-Roch"),
         ("Charlesbourg", "de Charlesbourg"), ("Beauport", "de Beauport"),
         ("Montcalm", "de Montcalm"), ("Sillery", "de Sillery"),
         ("Petit-Champlain", "du Petit-Champlain"), ("Saint-Sauveur", "de Saint-Sauveur")),
    ),
    Territory(
        "Lyon", "FR", "france", "europe", 45.7640, 4.8357, 3.5, 0.10, 0.0,
        tuple(f"6900{n}" for n in range(1, 10)),
        ("04",),
        ("rue de la République", "cours Lafayette", "rue Garibaldi", "avenue Jean Jaurès",
         "cours Vitton", "rue Paul Bert", "quai Saint-Vincent", "rue Victor Hugo",
         "avenue Berthelot", "rue Mercière", "grande rue de la Croix-Rousse", "cours Gambetta",
         "rue Duguesclin", "avenue des Frères Lumière", "rue Marietton", "cours Charlemagne"),
        (("Croix-Rousse", "de la Croix-Rousse"), ("Fourvière", "de Fourvière"),
         ("Brotteaux", "des Brotteaux"), ("Guillotière", "de la Guillotière"),
         ("Vaise", "de Vaise"), ("Part-Dieu", "de la Part-Dieu"), ("Terreaux", "des Terreaux"),
         ("Monplaisir", "de Monplaisir"), ("Confluence", "de Confluence"),
         ("Presqu'île", "de la Presqu'île")),
    ),
    Territory(
        "Laval", "CA", "quebec", "america", 45.6066, -73.7124, 5.0, 0.12, 0.12,
        ("H7N", "H7T", "H7V", "H7W", "H7G", "H7L", "H7M", "H7P", "H7E", "H7R", "H7S"),
        ("450", "579"),
        ("boulevard Le Corbusier", "boulevard Saint-Martin Ouest", "boulevard des Laurentides",
         "boulevard Curé-Labelle", "boulevard de la Concorde Est", "boulevard Daniel-Johnson",
         "boulevard Chomedey", "boulevard Saint-Elzéar Ouest", "avenue des Bois",
         "boulevard Lévesque Est", "boulevard Dagenais Ouest", "montée Saint-François"),
        (("Chomedey", "de Chomedey"), ("Sainte-Rose", "de Sainte-Rose"), ("Vimont", "de Vimont"),
         ("Auteuil", "d'Auteuil"), ("Fabreville", "de Fabreville"), ("Pont-Viau", "de Pont-Viau"),
         ("Laval-des-Rapides", "de Laval-des-Rapides"),
         ("Sainte-Dorothée", "de Sainte-Dorothée"), ("Duvernay", "de Duvernay")),
    ),
    Territory(
        "Sherbrooke", "CA", "quebec", "america", 45.4042, -71.8929, 4.5, 0.09, 0.10,
        ("J1H", "J1J", "J1K", "J1L", "J1E", "J1G", "J1M", "J1N", "J1R"),
        ("819", "873"),
        ("rue King Ouest", "rue King Est", "rue Wellington Nord", "rue Wellington Sud",
         "boulevard de Portland", "rue Galt Ouest", "boulevard Jacques-Cartier Nord",
         "boulevard Bourque", "rue Belvédère Sud", "boulevard de l'Université", "rue Queen",
         "rue Denault", "rue Frontenac"),
        (("Fleurimont", "de Fleurimont"), ("Lennoxville", "de Lennoxville"),
         ("Rock Forest", "de Rock Forest"), ("Lac-des-Nations", "du Lac-des-Nations"),
         ("Vieux-Nord", "du Vieux-Nord"), ("Brompton", "de Brompton"), ("Ascot", "d'Ascot"),
         ("Estrie", "de l'Estrie")),
    ),
)

# Letters Canada Post uses in the last three characters of a postal code.
CA_POSTAL_LETTERS = "ABCEGHJKLMNPRSTVWXYZ"

# The fictional employer of every user; .example never reaches a real mailbox.
STAFF_EMAIL_DOMAIN = "boreal-distribution.example"

# -- people ----------------------------------------------------------------------------
QC_MALE = (
    "Jean", "Éric", "François", "Stéphane", "Mathieu", "Sébastien", "Luc", "André", "Benoît",
    "Jérôme", "Guillaume", "Frédéric", "Patrice", "Olivier", "Maxime", "Alexandre", "Simon",
    "Nicolas", "Philippe", "Marc-André", "Jean-François", "Pierre-Luc", "Félix", "Samuel",
    "Gabriel", "Étienne", "Martin", "Sylvain", "Réjean", "Denis", "Yannick", "Dominic",
)
QC_FEMALE = (
    "Marie", "Sophie", "Hélène", "Émilie", "Geneviève", "Julie", "Isabelle", "Nathalie",
    "Josée", "Amélie", "Véronique", "Mélanie", "Élise", "Chantal", "Karine", "Caroline",
    "Catherine", "Valérie", "Marie-Ève", "Annie", "Audrey", "Stéphanie", "Mélissa", "Josiane",
    "Noémie", "Jessica", "Kim", "Andrée-Anne", "Francine", "Manon", "Sylvie", "Marie-Claude",
)
FR_MALE = (
    "Thomas", "Nicolas", "Julien", "Antoine", "Hugo", "Maxime", "Alexandre", "Romain",
    "Sébastien", "Guillaume", "Pierre", "Laurent", "Jérémy", "Kévin", "Mathieu", "Damien",
    "Christophe", "Arnaud", "Benoît", "Théo", "Lucas", "Raphaël", "Yann", "Cédric", "Loïc",
)
FR_FEMALE = (
    "Camille", "Léa", "Manon", "Chloé", "Sarah", "Laura", "Julie", "Pauline", "Marion",
    "Céline", "Aurélie", "Élodie", "Émilie", "Claire", "Anaïs", "Mathilde", "Inès", "Océane",
    "Nathalie", "Sandrine", "Virginie", "Hélène", "Gaëlle", "Solène", "Agnès",
)
EN_MALE = (
    "John", "Michael", "David", "Robert", "James", "William", "Daniel", "Matthew", "Andrew",
    "Ryan", "Kevin", "Brian", "Mark", "Paul", "Steven", "Jason", "Patrick", "Sean", "Eric",
    "Adam", "Raj", "Wei", "Omar", "Tony",
)
EN_FEMALE = (
    "Sarah", "Emily", "Jennifer", "Jessica", "Laura", "Karen", "Rachel", "Megan", "Heather",
    "Lisa", "Amanda", "Nicole", "Susan", "Linda", "Rebecca", "Michelle", "Kelly", "Stephanie",
    "Priya", "Mei", "Leila", "Anna",
)
QC_LAST = (
    "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
    "Gagné", "Ouellet", "Pelletier", "Bélanger", "Lévesque", "Bergeron", "Leblanc", "Paquette",
    "Girard", "Simard", "Boucher", "Caron", "Beaulieu", "Cloutier", "Dubé", "Poirier",
    "Fournier", "Lapointe", "Leclerc", "Lefebvre", "Poulin", "Thibault", "St-Pierre", "Nadeau",
    "Martin", "Landry", "Martel", "Bédard", "Grenier", "Lessard", "Bernier", "Richard",
    "Michaud", "Hébert", "Desjardins", "Couture", "Turcotte", "Lachance", "Parent", "Blais",
    "Gosselin", "Savard", "Proulx", "Beaudoin", "Demers", "Perreault", "Boudreau", "Lemieux",
    "Cyr", "Perron", "Dufour", "Dion", "Mercier", "Bolduc", "Bérubé", "Boisvert", "Langlois",
    "Ménard", "Therrien", "Plante", "Bilodeau", "Blanchette", "Dussault", "Champagne",
    "Paradis", "Fortier", "Arsenault", "Dupuis", "Gaudreault", "Hamel", "Houle", "Villeneuve",
    "Rousseau", "Gravel", "Thériault", "Lemay", "Allard", "Deschênes", "Giroux", "Guay",
    "Leduc", "Boivin", "Charbonneau", "Lambert", "Raymond", "Vachon", "Gilbert", "Audet",
    "Larouche", "Legault", "Trudel", "Fontaine", "Picard", "Labelle", "Lacroix", "Carrier",
    "Desrosiers", "Goulet", "Renaud", "Dionne", "Lapierre", "Vaillancourt", "Lalonde",
    "Tessier", "Bertrand", "Tardif", "Lepage", "Gingras", "Rioux", "Giguère", "Drouin",
    "Lauzon", "Gendron", "Boutin", "Laflamme", "Vallée", "Trépanier", "Pépin", "Chabot",
    # Montréal is not only old-stock Québec: Haitian, Lebanese, Vietnamese, Italian names too.
    "Joseph", "Saint-Fleur", "Pierre-Louis", "Haddad", "Khoury", "Nguyen", "Tran", "Russo",
    "Ferreira", "Benali",
)
FR_LAST = (
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
    "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
    "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
    "Bonnet", "François", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin",
    "Muller", "Henry", "Roussel", "Perrin", "Mathieu", "Clément", "Gauthier", "Dumont",
    "Fontaine", "Chevalier", "Robin", "Masson", "Gérard", "Nguyen", "Boyer", "Denis",
    "Lemaire", "Duval", "Joly", "Roche", "Noël", "Meyer", "Lucas", "Meunier", "Pérez",
    "Marchand", "Blanchard", "Barbier", "Brun", "Dumas", "Brunet", "Schmitt", "Leroux",
    "Colin", "Renard", "Arnaud", "Caron", "Aubert", "Giraud", "Vidal", "Bourgeois", "Lemoine",
    "Gaillard", "Lacroix", "Fabre", "Da Silva", "Rivière", "Le Gall", "Berger", "Lecomte",
    "Fleury", "Deschamps", "Carpentier", "Benoît", "Maillard", "Prévost", "Charpentier",
    "Huet", "Baron", "Carré", "Rémy", "Guyot", "Cousin", "Haddad", "Benali", "Diallo",
)
EN_LAST = (
    "Smith", "Brown", "Wilson", "Taylor", "Campbell", "Anderson", "MacDonald", "Stewart",
    "Thompson", "Robertson", "Johnston", "Murray", "Reid", "Clarke", "Walker", "Young",
    "Scott", "Miller", "Kelly", "Morrison", "Graham", "Fraser", "Hughes", "Ross", "Bell",
    "Cameron", "Harris", "Mitchell", "Ferguson", "Grant", "O'Brien", "Sullivan", "Patel",
    "Chen", "Singh", "Cohen", "Greenberg", "Kowalski", "Rossi", "Wong", "Lee", "Murphy",
)

# Titles as (masculine, feminine): French agrees with the person, English ignores it.
FR_BOSS_TITLES = (
    ("Propriétaire", "Propriétaire"), ("Directeur général", "Directrice générale"),
    ("Président", "Présidente"), ("Copropriétaire", "Copropriétaire"),
)
FR_TITLES = (
    ("Gérant", "Gérante"), ("Acheteur", "Acheteuse"),
    ("Responsable des achats", "Responsable des achats"),
    ("Directeur des opérations", "Directrice des opérations"), ("Comptable", "Comptable"),
    ("Adjoint administratif", "Adjointe administrative"), ("Chef d'équipe", "Cheffe d'équipe"),
    ("Responsable de l'entrepôt", "Responsable de l'entrepôt"),
    ("Contrôleur", "Contrôleuse"), ("Gérant adjoint", "Gérante adjointe"),
)
EN_BOSS_TITLES = ("Owner", "General Manager", "President", "Co-owner")
EN_TITLES = (
    "Store Manager", "Buyer", "Purchasing Manager", "Operations Manager", "Controller",
    "Office Manager", "Warehouse Supervisor", "Assistant Manager", "Accounts Payable Clerk",
    "Shift Supervisor",
)

# -- company names ---------------------------------------------------------------------
FR_TRADES = (
    "Boulangerie", "Quincaillerie", "Pharmacie", "Épicerie", "Café", "Fromagerie",
    "Librairie", "Garage", "Boucherie", "Pâtisserie", "Imprimerie", "Menuiserie", "Plomberie",
    "Fleuriste", "Restaurant", "Brasserie", "Traiteur", "Cordonnerie", "Clinique vétérinaire",
    "Poissonnerie", "Salon de coiffure", "Atelier", "Charcuterie", "Papeterie", "Crèmerie",
    "Torréfacteur", "Bistro", "Centre de rénovation", "Clinique dentaire", "Nettoyeur",
)
QC_ONLY_TRADES = ("Dépanneur", "Casse-croûte", "Marché", "Cantine")
# Trades that are passed from parent to child ("& Fils"), and places named after the cook.
CRAFTS = (
    "Quincaillerie", "Boucherie", "Garage", "Menuiserie", "Plomberie", "Imprimerie",
    "Boulangerie", "Fromagerie", "Charcuterie", "Cordonnerie", "Poissonnerie", "Pâtisserie",
)
EATERIES = ("Restaurant", "Bistro", "Café", "Boulangerie", "Pâtisserie", "Traiteur", "Brasserie")
FR_FIRMS = (
    "Distribution", "Transport", "Industrie", "Équipements", "Solutions", "Construction",
    "Rénovation", "Électrique", "Mécanique", "Alimentation", "Emballages", "Logistique",
)
# {family}, {first}, {trade}, {craft}, {eatery}, {place}, {city}, {firm}
QC_NAME_PATTERNS = (
    "{trade} {family}", "{trade} {family}", "{trade} {place}", "{trade} {place}",
    "{craft} {family} & Fils", "{family} {firm} inc.", "Les Entreprises {family} inc.",
    "Groupe {family}", "{city} {firm} ltée", "{eatery} Chez {first}",
)
FR_NAME_PATTERNS = (
    "{trade} {family}", "{trade} {family}", "{trade} {place}", "{trade} {place}",
    "Établissements {family}", "{craft} {family} et Fils", "{city} {firm} Services",
    "{family} {firm} SARL", "SAS {family} {firm}", "{eatery} Chez {first}",
)
EN_ADJECTIVES = (
    "Northern", "Maple Leaf", "Summit", "Riverside", "Pioneer", "Royal", "Atlantic",
    "Evergreen", "Capital", "Laurentian", "Union", "Victoria", "Harbour", "Metro", "Prime",
)
EN_INDUSTRIES = (
    "Hardware", "Auto Parts", "Office", "Dental", "Foods", "Bakery", "Pharmacy", "Printing",
    "Plumbing", "Electric", "Coffee", "Cleaning", "Packaging", "Building Supply", "Deli",
)
EN_SUFFIXES = ("Supply", "Inc.", "Ltd.", "Group", "Co.", "Services", "Distributors", "& Co.")
# {adjective}, {industry}, {suffix}, {family}, {place}, {city}
EN_NAME_PATTERNS = (
    "{adjective} {industry} {suffix}", "{adjective} {industry} {suffix}",
    "{family} & Sons {industry}", "{family} {industry} Ltd.", "{place} {industry} {suffix}",
    "{city} {industry} {suffix}",
)
# Words left out of the web domain derived from a company name.
DOMAIN_STOPWORDS = frozenset({
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "fils", "freres", "sons", "inc",
    "ltee", "ltd", "co", "sarl", "sas", "chez", "entreprises", "etablissements", "s",
})

# -- what reps sell, and what they write -----------------------------------------------
# A distributor of consumables for shops and small businesses: (French, English).
PRODUCTS = (
    ("gants nitrile", "nitrile gloves"), ("sacs kraft", "kraft bags"),
    ("produits nettoyants", "cleaning products"),
    ("contenants compostables", "compostable containers"),
    ("papier thermique", "thermal paper rolls"), ("papier essuie-mains", "paper towels"),
    ("café en grains", "whole-bean coffee"), ("barquettes alimentaires", "food trays"),
    ("visserie inox", "stainless fasteners"), ("lubrifiants", "lubricants"),
    ("rouleaux d'étiquettes", "label rolls"), ("gobelets réutilisables", "reusable cups"),
    ("film étirable", "stretch film"), ("désinfectant", "disinfectant"),
)
QUOTE_WORD = {"CA": "soumission", "FR": "devis"}  # what a quote is called on each side
CURRENCY = {"CA": ("CAD", "$"), "FR": ("EUR", "€")}

OPPORTUNITY_TOPICS = {
    "fr": ("Contrat d'approvisionnement annuel", "Renouvellement {product}",
           "Ouverture nouvelle succursale", "Changement de fournisseur \N{EN DASH} {product}",
           "Commande saisonnière", "Programme d'entretien", "Essai {product}",
           "Gamme complète {product}"),
    "en": ("Annual supply agreement", "{product} renewal", "New location opening",
           "Supplier switch \N{EN DASH} {product}", "Seasonal order", "Maintenance program",
           "{product} trial", "Full {product} range"),
}

# Visit summaries by outcome.
SUMMARIES = {
    "fr": {
        "order_placed": (
            "Commande de {product} passée; {contact} veut la livraison d'ici vendredi.",
            "Bonne rencontre avec {contact} : commande de {product} confirmée sur place.",
            "{contact} a renouvelé la commande de {product} et ajoute un essai de {product2}.",
        ),
        "positive": (
            "{contact} demande une {quote} sur sa consommation de {product}.",
            "Très bon accueil; {contact} compare nos prix de {product} avec son fournisseur.",
            "Échantillons de {product} laissés à {contact}, retour attendu sous deux semaines.",
            "{contact} prévoit d'augmenter ses volumes de {product} le mois prochain.",
        ),
        "neutral": (
            "Visite de courtoisie; {contact} n'a pas de besoin immédiat.",
            "Stock de {product} encore suffisant, on repasse au prochain cycle.",
            "Rencontre courte avec {contact}, grosse journée en magasin.",
        ),
        "negative": (
            "{contact} trouve nos prix de {product} trop élevés.",
            "Plainte sur le dernier délai de livraison; {contact} regarde ailleurs.",
            "Problème de qualité signalé sur le dernier lot de {product}.",
        ),
    },
    "en": {
        "order_placed": (
            "Order placed for {product}; {contact} wants delivery by Friday.",
            "Good meeting with {contact}: {product} order confirmed on the spot.",
            "{contact} renewed the {product} order and added a trial of {product2}.",
        ),
        "positive": (
            "{contact} wants a quote for {product}.",
            "Warm welcome; {contact} is comparing our {product} prices with their supplier.",
            "Left {product} samples with {contact}, feedback expected within two weeks.",
            "{contact} plans to increase {product} volumes next month.",
        ),
        "neutral": (
            "Courtesy visit; {contact} has no immediate need.",
            "Still enough {product} in stock, will check again next cycle.",
            "Short meeting with {contact}, busy day in the store.",
        ),
        "negative": (
            "{contact} finds our {product} prices too high.",
            "Complaint about the last delivery delay; {contact} is looking elsewhere.",
            "Quality issue reported on the last batch of {product}.",
        ),
    },
}
NEXT_STEPS = {
    "fr": {
        "order_placed": ("Confirmer la date de livraison avec l'entrepôt.",
                         "Vérifier la facturation de la commande avec la comptabilité.",
                         "Repasser au prochain cycle pour le réassort."),
        "positive": ("Envoyer la {quote} de {product} d'ici vendredi.",
                     "Rappeler {contact} dans deux semaines.",
                     "Faire suivre la fiche technique de {product}.",
                     "Proposer un prix de volume sur la gamme {product}."),
        "neutral": ("Repasser au prochain cycle de visite.",
                    "Envoyer le nouveau catalogue par courriel.",
                    "Rappeler {contact} le mois prochain."),
        "negative": ("Faire traiter la plainte par le service client.",
                     "Voir avec le directeur si un rabais est possible.",
                     "Organiser le retour du lot défectueux."),
    },
    "en": {
        "order_placed": ("Confirm the delivery date with the warehouse.",
                         "Check the order's invoicing with accounting.",
                         "Come back next cycle for the restock."),
        "positive": ("Send the {product} quote by Friday.",
                     "Call {contact} back in two weeks.",
                     "Send the {product} spec sheet.",
                     "Offer volume pricing on {product}."),
        "neutral": ("Visit again next cycle.",
                    "E-mail the new catalogue.",
                    "Call {contact} back next month."),
        "negative": ("Have customer service handle the complaint.",
                     "Ask the sales director whether a discount is possible.",
                     "Arrange the return of the faulty batch."),
    },
}
# Why a visit did not happen: (cancelled, no_show).
MISSED_REASONS = {
    "fr": (("Annulée par le client : inventaire en cours.", "Reportée à la demande du client.",
            "Annulée à cause de la tempête.", "Annulée : {contact} est en congé."),
           ("Personne sur place à l'heure prévue.", "Commerce fermé à notre arrivée.",
            "{contact} absent, aucun remplaçant disponible.")),
    "en": (("Cancelled by the customer: stock-taking.", "Postponed at the customer's request.",
            "Cancelled because of the storm.", "Cancelled: {contact} is on leave."),
           ("Nobody available at the planned time.", "Store closed when we arrived.",
            "{contact} absent, nobody else could meet us.")),
}
# Visit report pieces: how it opens, then what the rep noticed in the store.
REPORT_OPENINGS = {
    "fr": ("Rencontré {who}.", "Visite avec {who}.", "Passé voir {who} en magasin."),
    "en": ("Met {who}.", "Visit with {who}.", "Dropped in to see {who} at the store."),
}
REPORT_CONTEXT = {
    "fr": ("Le magasin est bien tenu et l'achalandage est bon ce mois-ci.",
           "Ils ont ouvert une deuxième succursale le mois dernier.",
           "Leur fournisseur actuel a des ruptures de stock fréquentes.",
           "Un nouveau gérant reprend les achats depuis peu.",
           "Travaux de rénovation en cours jusqu'à la fin du mois.",
           "Ils réduisent leurs stocks pour libérer de la trésorerie.",
           "Nos présentoirs sont bien placés près de la caisse.",
           "La concurrence est passée la semaine dernière avec une promotion.",
           "Ils cherchent des produits plus écologiques."),
    "en": ("The store is well kept and traffic is good this month.",
           "They opened a second location last month.",
           "Their current supplier keeps running out of stock.",
           "A new manager recently took over purchasing.",
           "Renovations under way until the end of the month.",
           "They are cutting inventory to free up cash.",
           "Our displays are well placed near the checkout.",
           "A competitor came by last week with a promotion.",
           "They are looking for greener products."),
}
NEXT_STEPS_LABEL = {"fr": "Prochaine étape : ", "en": "Next step: "}
WHO_JOINER = {"fr": " et ", "en": " and "}
ORDER_TOTAL = {"fr": "Montant de la commande : {amount} {currency}.",
               "en": "Order total: {currency}{amount}."}
FOR_FIELD_NOTES = {
    "fr": ("{contact} a appelé : la dernière livraison de {product} était incomplète. "
           "Vérifier sur place que tout est réglé.",
           "Solde impayé de {amount} {currency} depuis 60 jours; en glisser un mot pendant "
           "la visite.",
           "Nouveau catalogue {product} disponible : leur montrer les nouveautés.",
           "{contact} part à la retraite à la fin du mois; demander qui reprend les achats.",
           "Ils ont demandé une {quote} par téléphone; on attend ta visite pour valider les "
           "quantités.",
           "Promotion du mois sur la gamme {product} (-10 %) : à proposer en priorité.",
           "Le client a changé d'adresse de livraison, confirmer avec {contact}."),
    "en": ("{contact} called: the last {product} delivery was incomplete. Check on site "
           "that it is sorted out.",
           "Unpaid balance of {currency}{amount} for 60 days; please mention it during the "
           "visit.",
           "New {product} catalogue out: show them what's new.",
           "{contact} retires at the end of the month; ask who takes over purchasing.",
           "They asked for a quote by phone; we are waiting for your visit to confirm "
           "quantities.",
           "Promotion of the month: 10% off {product}, offer it first.",
           "The customer changed delivery address, please confirm with {contact}."),
}
FEEDBACK_NOTES = {
    "fr": ("Merci pour le compte rendu. J'ai envoyé la {quote} à {contact} ce matin.",
           "Bien reçu. J'ai vérifié avec l'entrepôt : livraison prévue jeudi.",
           "Bon travail! J'ai mis à jour l'opportunité.",
           "Noté. Peux-tu préciser les quantités de {product} demandées?",
           "Merci. Le service client rappelle {contact} aujourd'hui pour la plainte.",
           "J'ai relancé la comptabilité pour le crédit demandé."),
    "en": ("Thanks for the report. I sent the quote to {contact} this morning.",
           "Got it. I checked with the warehouse: delivery planned for Thursday.",
           "Nice work! I updated the opportunity.",
           "Noted. Can you tell me the quantities they asked for on {product}?",
           "Thanks. Customer service is calling {contact} today about the complaint.",
           "I chased accounting about the credit they asked for."),
}
# (title, details) of follow-ups handed over after a visit, and after an inside note.
VISIT_FOLLOW_UPS = {
    "fr": (("Envoyer la {quote} de {product}", "Quantités et prix vus avec {contact}."),
           ("Vérifier le délai de livraison", "{contact} attend une date ferme."),
           ("Rappeler {contact}", "Faire le point sur l'essai de {product}."),
           ("Envoyer la fiche technique de {product}", None),
           ("Traiter la plainte sur la dernière livraison", "Voir le compte rendu de visite."),
           ("Mettre à jour les coordonnées du client", "Nouveau numéro et adresse de livraison."),
           ("Préparer une offre de volume sur la gamme {product}", "Volumes annuels à confirmer.")),
    "en": (("Send the {product} quote", "Quantities and prices agreed with {contact}."),
           ("Check the delivery lead time", "{contact} expects a firm date."),
           ("Call {contact} back", "Review the {product} trial."),
           ("Send the {product} spec sheet", None),
           ("Handle the complaint about the last delivery", "See the visit report."),
           ("Update the customer's details", "New phone number and delivery address."),
           ("Prepare volume pricing on {product}", "Annual volumes to be confirmed.")),
}
NOTE_FOLLOW_UPS = {
    "fr": (("Régler le paiement en retard avec le client", "Voir la note de l'équipe interne."),
           ("Présenter la promotion du mois", "Gamme {product} à -10 % ce mois-ci."),
           ("Confirmer la nouvelle adresse de livraison", "Avec {contact}.")),
    "en": (("Sort out the late payment with the customer", "See the inside team's note."),
           ("Present the promotion of the month", "{product} at 10% off this month."),
           ("Confirm the new delivery address", "With {contact}.")),
}

# The people a demo signs in as, by username: (first name, last name).
DEMO_STAFF = {
    "manager": ("Nathalie", "Côté"), "field": ("Julien", "Bergeron"),
    "inside": ("Sophie", "Lavoie"),
}
