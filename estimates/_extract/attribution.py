"""Who said it: reporting verbs and phrases, their subjects, joint sources, scope.

:func:`find_cues` finds the *reporting cues* of one sentence: a reporting verb
("a déclaré", "ont confirmé", "estiment", "affirme", "said", "told", "estimated",
"confirmed", "claimed") with its subject, or a reporting phrase ("selon", "d'après",
"according to") with the noun phrase after it.  :func:`attribute` then says which cue
a figure of the sentence belongs to.

Rules
-----
* **Verbs.**  French: a past participle after an auxiliary ("a déclaré", "ont
  également confirmé", "aurait affirmé"), or a present, imperfect or simple-past form
  ("estiment", "affirme", "déclarait").  English: a past or present form, after an
  optional "has" / "have" / "had" ("said", "have confirmed", "estimate").  Verbs count
  only in lower case; a passive ("was estimated", "a été estimé", "est estimé à") is no
  cue; a negated verb ("n'a pas confirmé", "did not confirm") is a cue whose figures
  get no source.
* **Subject.**  The words before the verb, walked backwards up to a clause boundary:
  the sentence start, a conjunction or relative word ("que", "alors que", "that",
  "while"), a figure, brackets, quotes, a colon, or another verb ("est", "was").
  A comma ends the subject unless the words after it hold "et" / "and" (a list: "la
  Corée du Sud, les États-Unis et l'Ukraine") or are a name in apposition ("Le
  secrétaire général de l'OTAN, Mark Rutte, a déclaré").  Leading articles are
  dropped.  "qui" / "who" / "which" stand for the noun phrase before them.
* **After the verb.**  When nothing stands before the verb but a comma or a quote,
  the subject follows it ("..., a déclaré le ministre.", "..., said John Kirby.").
* **Joint sources.**  A subject or phrase listing several agents gives one agent each
  ("la Corée du Sud, les États-Unis et l'Ukraine"); adjectives listed after one noun
  share it ("Les services de renseignement américains, sud-coréens et ukrainiens" are
  three services), as do nationality words before one noun ("US, South Korean and
  Ukrainian intelligence").
* **Titles.**  A title before a name gives the name ("Le président ukrainien
  Volodymyr Zelensky" is "Volodymyr Zelensky"); the words read stay in the reason.
* **Pronouns.**  "il", "elle", "ils", "he", "she", "they", "it" stand for the last
  agent named earlier in the same sentence, else in the sentence before (with a lower
  confidence and a reason saying so), else nobody.  "on" / "we" / "nous" / "I" are
  nobody.
* **Scope.**  A figure belongs to the nearest cue before it in the sentence (its
  reported speech runs to the end of the sentence, through later clauses); failing
  that, to a cue after it that closes the sentence ("..., the Pentagon said.",
  "..., selon les médias locaux.", "..., a déclaré Zelensky.").  Otherwise it has no
  source: never a guess.
* **Statement date.**  Dates read next to the cue, not in the reported speech: in
  the subject ("The Pentagon on Monday said"), in a comma-separated phrase just before
  it ("La semaine dernière, les États-Unis ont confirmé"), or between the verb and
  "que" / "that" ("a déclaré lundi dans son discours quotidien que").  With none, a
  present-tense verb ("estiment", "says") dates the claim to the publication day (with
  a reason saying so); a past one leaves the date empty.

Examples
--------
>>> from datetime import date
>>> s = "La semaine dernière, les États-Unis ont confirmé qu’il y avait 10 000 soldats."
>>> (cue,) = find_cues(s, 0, len(s), "fr", date(2024, 11, 12), [])
>>> cue.agents, cue.verb, str(cue.dates[0].interval)
(('États-Unis',), 'ont confirmé', '2024-W45')
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from .dates import DateMention, find_dates
from .tokens import Token, tokenize

__all__ = ["Cue", "attribute", "find_cues"]

# fmt: off
_FR_AUX = ("a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "eut",
           "avons", "avez")
_FR_ADVERBS = ("également", "aussi", "déjà", "encore", "récemment", "notamment", "pourtant",
               "ainsi", "toutefois", "enfin", "publiquement", "officiellement", "clairement",
               "pas", "jamais", "plus", "alors", "lui-même", "elle-même", "d'ailleurs",
               "ensuite", "depuis", "initialement", "précédemment", "auparavant",
               "provisoirement", "finalement", "dernièrement", "publiquement")
_FR_PARTICIPLES = (
    "déclaré", "affirmé", "confirmé", "estimé", "indiqué", "annoncé", "précisé", "rapporté",
    "dit", "expliqué", "assuré", "ajouté", "avancé", "évalué", "chiffré", "reconnu",
    "signalé", "fait état", "fait savoir", "revendiqué", "souligné", "communiqué", "avoué",
    "admis", "martelé", "prétendu", "calculé", "recensé", "rappelé", "raconté", "confié",
    "écrit", "observé", "constaté", "avancé", "établi", "répété", "maintenu",
    "compté", "dénombré", "comptabilisé", "décompté", "enregistré", "évoqué", "rectifié",
    "placé", "situé", "publié", "cité", "relevé",
)
_FR_PRESENT = (
    "déclare", "déclarent", "affirme", "affirment", "estime", "estiment", "confirme",
    "confirment", "indique", "indiquent", "assure", "assurent", "annonce", "annoncent",
    "précise", "précisent", "rapporte", "rapportent", "explique", "expliquent", "avance",
    "avancent", "évalue", "évaluent", "chiffre", "chiffrent", "soutient", "soutiennent",
    "dit", "disent", "reconnaît", "reconnait", "reconnaissent", "signale", "signalent",
    "fait état", "font état", "revendique", "revendiquent", "prétend", "prétendent",
    "pense", "pensent", "croit", "croient", "souligne", "soulignent", "ajoute", "ajoutent",
    "recense", "recensent", "calcule", "calculent", "écrit", "écrivent", "rappelle",
    "rappellent", "martèle", "martèlent", "constate", "constatent", "observe", "observent",
    "compte", "comptent", "dénombre", "dénombrent", "comptabilise", "comptabilisent",
    "décompte", "décomptent", "enregistre", "enregistrent", "évoque", "évoquent",
    "parle de", "parlent de", "place", "placent", "situe", "situent", "cite", "citent",
    "relève", "relèvent", "publie", "publient",
)
_FR_PAST = (
    "déclara", "affirma", "annonça", "indiqua", "estima", "précisa", "ajouta", "confirma",
    "estimait", "estimaient", "affirmait", "affirmaient", "déclarait", "déclaraient",
    "indiquait", "indiquaient", "assurait", "assuraient", "disait", "disaient", "pensait",
    "pensaient", "croyait", "croyaient", "évaluait", "évaluaient", "confirmait",
    "confirmaient", "annonçait", "annonçaient", "rapportait", "rapportaient",
    "comptait", "comptaient", "dénombrait", "dénombraient", "recensait", "recensaient",
    "faisait état", "faisaient état", "chiffrait", "chiffraient", "évoquait", "évoquaient",
    "revendiquait", "revendiquaient", "avançait", "avançaient", "plaçait", "plaçaient",
    "situait", "situaient", "comptabilisait", "comptabilisaient", "compta", "dénombra",
    "recensa", "évalua", "chiffra", "avança", "revendiqua", "déclarèrent", "annoncèrent",
    "indiquèrent", "estimèrent", "affirmèrent",
)
_FR_PHRASES = ("selon", "d'après", "de l'avis de", "aux dires de", "au dire de")
_EN_AUX = ("has", "have", "had")
_EN_ADVERBS = ("not", "never", "also", "previously", "publicly", "repeatedly", "since",
               "already", "earlier", "recently", "reportedly", "separately", "later", "again",
               "initially", "originally", "first", "publicly", "officially")
_EN_PAST = (
    "said", "told", "estimated", "confirmed", "claimed", "reported", "announced", "stated",
    "added", "believed", "assessed", "indicated", "acknowledged", "admitted", "warned",
    "wrote", "noted", "insisted", "maintained", "calculated", "counted", "put",
    "placed", "tallied", "recorded", "gave", "given", "cited", "predicted", "revealed",
    "projected", "forecast", "registered", "documented", "declared", "disclosed",
    "published", "released", "issued",
)
_EN_PRESENT = (
    "says", "say", "tells", "tell", "estimates", "estimate", "confirms", "confirm",
    "claims", "claim", "reports", "report", "announces", "announce", "adds", "believes",
    "believe", "assesses", "assess", "indicates", "acknowledges", "admits", "warns",
    "writes", "notes", "insists", "maintains", "calculates", "counts", "puts", "places",
    "tallies", "records", "gives", "cites", "predicts", "reveals", "projects", "forecasts",
    "give", "cite", "predict",
)
_EN_PHRASES = ("according to", "as reported by", "citing")
# Verbs that confirm another party's figure: the claim's status is "confirmed".
_CONFIRM = frozenset({"confirmé", "confirme", "confirment", "confirma", "confirmait",
                      "confirmaient", "confirmed", "confirms", "confirm"})
# Words that end a subject (clause boundaries, verbs, clitics), lower case.
_STOP: dict[str, frozenset[str]] = {
    "fr": frozenset({
        "que", "qu'", "quand", "lorsque", "lorsqu'", "où", "dont", "mais", "car", "puisque",
        "puisqu'", "si", "tandis", "parce", "afin", "comme", "est", "sont", "était",
        "étaient", "a", "ont", "avait", "avaient", "sera", "seront", "serait", "seraient",
        "été", "fut", "se", "s'", "ne", "n'", "y", "c'", "ce", "cela", "ça", "il", "elle",
        "ils", "elles", "on", "nous", "vous", "je", "j'", "tu", "lui", "leur", "leurs",
        "pendant", "ou", "donc", "or", "ni", "sans", "avec", "pour", "par", "lors",
        "malgré", "après", "avant", "depuis", "estimé", "estimés", "estimée", "estimées",
        "chez",
    }),
    "en": frozenset({
        "that", "when", "while", "where", "because", "but", "if", "although", "though",
        "whereas", "so", "as", "is", "are", "was", "were", "be", "been", "being", "will",
        "would", "could", "should", "may", "might", "can", "do", "does", "did", "has",
        "have", "had", "it", "he", "she", "they", "we", "i", "you", "there", "this",
        "these", "those", "whether", "after", "before", "since", "until", "than", "or",
        "nor", "with", "without", "for", "by", "during", "about", "against", "not",
    }),
}
_RELATIVE = frozenset({"qui", "who", "which"})
_COORD = frozenset({"et", "and", "&"})
_DETERMINERS: dict[str, frozenset[str]] = {
    "fr": frozenset({"le", "la", "les", "l'", "un", "une", "des", "ses", "son", "sa", "ce",
                     "cette", "ces", "leur", "leurs", "du"}),
    "en": frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this", "these",
                     "those"}),
}
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "he", "she", "it", "they", "lui", "eux",
                       "him", "them"})
_NOBODY = frozenset({"on", "we", "nous", "i", "je", "j'", "you", "vous", "one", "cela", "ce",
                     "ça", "this", "that", "there", "c'"})
# Words that open a leading phrase that is no subject ("En Russie, ...", "However, ...").
_OPENERS = frozenset({
    "en", "dans", "à", "au", "aux", "après", "avant", "depuis", "pour", "par", "lors",
    "parallèlement", "cependant", "toutefois", "ainsi", "enfin", "d'ailleurs", "pourtant",
    "mais", "or", "donc", "puis", "ensuite", "sinon", "entre-temps", "néanmoins",
    "in", "on", "at", "after", "before", "since", "during", "for", "meanwhile", "however",
    "also", "separately", "earlier", "later", "yet", "still", "then", "now", "moreover",
    "furthermore", "but", "and", "so", "indeed", "instead", "elsewhere", "overall",
    "et", "alors", "aujourd'hui", "hier", "yesterday", "today",
})
_TITLES = frozenset({
    "président", "présidente", "president", "ministre", "minister", "secrétaire",
    "secretary", "porte-parole", "spokesman", "spokeswoman", "spokesperson", "chef",
    "chief", "général", "general", "gen", "gen.", "commandant", "commander", "chancelier",
    "chancellor", "premier", "prime", "dirigeant", "leader", "directeur", "directrice",
    "director", "head", "gouverneur", "governor", "maire", "mayor", "ambassadeur",
    "ambassador", "conseiller", "conseillère", "adviser", "advisor", "roi", "king", "reine",
    "queen", "colonel", "col.", "lieutenant", "amiral", "admiral", "sénateur", "senator",
    "député", "lawmaker", "représentant", "representative", "envoyé", "envoy",
    "responsable", "official", "m.", "m", "mme", "dr", "dr.", "mr", "mr.", "mrs", "ms",
    "lt", "lt.", "col", "maj", "maj.", "sgt", "capt", "gén",
    "analyste", "analyst", "expert", "chercheur", "researcher", "patron", "ceo",
    "chairman", "chairwoman", "chair", "commissioner", "commissaire", "coordinator",
    "coordinateur", "coordonnateur", "délégué", "déléguée", "représentante", "préfet",
    "préfète", "procureur", "procureure", "prosecutor", "superintendent",
})
# fmt: on

# Nouns of documents and counts, which are no agents: "selon des estimations", "the
# latest figures"; their agent comes after "par" / "by" / "de" / "of", if anywhere.
_DOCUMENTS = frozenset(
    {
        "estimation",
        "estimations",
        "chiffre",
        "chiffres",
        "comptage",
        "comptages",
        "décompte",
        "décomptes",
        "bilan",
        "bilans",
        "données",
        "statistiques",
        "sources",
        "source",
        "calculs",
        "évaluation",
        "évaluations",
        "recensement",
        "rapport",
        "estimate",
        "estimates",
        "figure",
        "figures",
        "count",
        "counts",
        "tally",
        "data",
        "statistics",
        "calculations",
        "assessment",
        "assessments",
        "numbers",
    }
)
# After a reporting form, a state: "troops reported dead", "people said missing".
_STATE_AFTER = frozenset(
    {
        "dead",
        "killed",
        "missing",
        "wounded",
        "injured",
        "to",
        "as",
        "morts",
        "tués",
        "disparus",
        "blessés",
    }
)
# Participles after which "par" / "by" names the agent of a count or an estimate.
_PASSIVE_PARTS = frozenset(
    f"{stem}{end}"
    for stem in (
        "décompté",
        "compté",
        "comptabilisé",
        "dénombré",
        "recensé",
        "donné",
        "fourni",
        "annoncé",
        "évalué",
        "estimé",
        "chiffré",
        "communiqué",
        "publié",
        "avancé",
        "revendiqué",
        "établi",
        "rendu",
        "enregistré",
        "relevé",
        "cité",
        "transmis",
        "avancé",
    )
    for end in ("", "e", "s", "es")
) | frozenset(
    {
        "transmis",
        "rendus",
        "estimated",
        "reported",
        "counted",
        "given",
        "provided",
        "released",
        "compiled",
        "published",
        "made",
        "issued",
        "put",
        "placed",
        "confirmed",
        "recorded",
        "tallied",
        "cited",
        "claimed",
    }
)
# Bodies that count ("contre 13.500 pour la police").
_COUNTERS = frozenset(
    {
        "police",
        "préfecture",
        "syndicats",
        "syndicat",
        "organisateurs",
        "intersyndicale",
        "autorités",
        "ministère",
        "gendarmerie",
        "mairie",
        "gouvernement",
        "intérieur",
        "cgt",
        "cfdt",
        "fo",
    }
)
_EN_PHRASE_WORDS = frozenset({"according", "citing"})
_EN_NOUNLIKE = frozenset(
    {
        "estimate",
        "estimates",
        "report",
        "reports",
        "claim",
        "claims",
        "count",
        "counts",
        "record",
        "records",
        "tally",
        "tallies",
    }
)
_COUNTERS_EN = frozenset(
    {
        "police",
        "official",
        "officials",
        "government",
        "army",
        "military",
        "organisers",
        "organizers",
        "union",
        "unions",
        "ministry",
    }
)
_BEFORE_INVERTED = frozenset({",", "»", "”", '"', "—", "–", ")", "«"})
_PREPOSITIONS_AFTER = frozenset(
    {
        "à",
        "au",
        "aux",
        "devant",
        "dans",
        "lors",
        "pendant",
        "to",
        "at",
        "in",
        "before",
        "during",
        "on",
    }
)
# Nouns that describe an organisation before its name ("Risk modelling firm RMS").
_DESCRIPTORS = frozenset(
    {
        "firm",
        "company",
        "modeller",
        "modeler",
        "insurer",
        "reinsurer",
        "broker",
        "newspaper",
        "daily",
        "broadcaster",
        "quotidien",
        "journal",
        "cabinet",
        "société",
        "agence",
        "agency",
    }
)
_FILLERS = frozenset(
    {
        ("pour", "sa", "part"),
        ("pour", "leur", "part"),
        ("de", "son", "côté"),
        ("de", "leur", "côté"),
        ("quant", "à", "elle"),
        ("quant", "à", "lui"),
        ("for", "its", "part"),
        ("for", "their", "part"),
        ("for", "his", "part"),
        ("for", "her", "part"),
    }
)
_LIST_BREAKERS = frozenset(
    {"of", "in", "from", "with", "for", "at", "on", "into", "dans", "à", "avec", "pour", "sur"}
)
_PARTICLES = frozenset({"do", "da", "de", "del", "di", "du", "dos", "van", "von", "al", "bin"})
_ROLE_HEADS = frozenset(
    {
        "organisers",
        "organizers",
        "organisateurs",
        "officials",
        "responsables",
        "witnesses",
        "témoins",
        "residents",
        "habitants",
        "authorities",
        "autorités",
        "protesters",
        "manifestants",
    }
)
_PREPOSITIONS = frozenset({"of", "de", "du", "des", "d'", "against", "contre", "for", "pour"})
_MAX_SUBJECT = 14  # words
_AFTER_VERB = 60  # characters read for a statement date after the verb
_APOS = "['’ʼ]"


def _alt(phrases: Sequence[str]) -> str:
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        out.append(re.escape(p).replace("'", _APOS).replace(r"\ ", r"[^\S\n]+"))
    return "|".join(out)


def _build(lang: str) -> re.Pattern[str]:
    """The pattern of a reporting cue in ``lang``: a phrase, or a verb.

    Parameters
    ----------
    lang : {"en", "fr"}

    Returns
    -------
    re.Pattern
        Groups ``phrase`` ("according to"), or ``aux`` and ``part`` (an auxiliary, up to
        two adverbs, a participle: "has also said"), or ``finite`` ("said", "affirme").
    """
    aux: Sequence[str]
    adv: Sequence[str]
    part: Sequence[str]
    finite: Sequence[str]
    phrase: Sequence[str]
    if lang == "fr":
        aux, adv, part = _FR_AUX, _FR_ADVERBS, _FR_PARTICIPLES
        finite, phrase = _FR_PRESENT + _FR_PAST, _FR_PHRASES
    else:
        aux, adv, part = _EN_AUX, _EN_ADVERBS, _EN_PAST
        finite, phrase = _EN_PAST + _EN_PRESENT, _EN_PHRASES
    s = r"[^\S\n]+"
    verb = (
        rf"(?P<aux>{_alt(aux)}){s}(?:(?:{_alt(adv)}){s}){{0,2}}(?P<part>{_alt(part)})"
        rf"|(?P<finite>{_alt(finite)})"
    )
    return re.compile(rf"(?<![^\W_])(?:(?P<phrase>(?i:{_alt(phrase)}))|(?-i:{verb}))(?![^\W_])")


_CUES: dict[str, re.Pattern[str]] = {lang: _build(lang) for lang in ("en", "fr")}
_PRESENT_FORMS = frozenset(_FR_PRESENT) | frozenset(_EN_PRESENT)
# fmt: off
_PASSIVE = frozenset({"est", "sont", "était", "étaient", "été", "être", "is", "are", "was",
                      "were", "be", "been", "being", "get", "got"})
_NEGATORS = frozenset({"not", "never", "n't", "pas", "jamais", "ne", "n'", "didn't",
                       "doesn't", "don't", "hasn't", "haven't", "hadn't"})
_NEG_LEAD = frozenset({"did", "does", "do", "didn't", "doesn't", "don't", "has", "have",
                       "had", "hasn't", "haven't", "hadn't", "not", "never", "ne", "n'"})
# fmt: on
_LEAD_ADVERBS = frozenset(_EN_ADVERBS) | frozenset({"reportedly", "also", "again"})
_COMPLEMENTISER = frozenset({"que", "qu'", "that"})
_GAP_HINT = re.compile(r",|(?<![^\W_])(?:et|and)(?![^\W_])")
_PASSIVE_HINT = re.compile(r"(?<![^\W_])(?:par|by|pour)(?![^\W_])", re.IGNORECASE)
_COMPLEMENTISER_RE = re.compile(r"(?<![^\W_])(?:que|qu['’]|that)(?![^\W_])")
_NOMINAL_BEFORE = frozenset(
    {
        "de",
        "d'",
        "du",
        "des",
        "of",
        "au",
        "aux",
        "à",
        "to",
        "par",
        "by",
        "sur",
        "on",
        "en",
        "in",
        "avec",
        "with",
    }
)


@dataclass(slots=True)
class Cue:
    """A reporting verb or phrase and the agent(s) it names.

    Attributes
    ----------
    start, end : int
        Span of the verb (with its auxiliary) or of the phrase.
    verb : str
        The words of the cue ("ont confirmé", "selon").
    kind : str
        ``"verb"`` or ``"phrase"``.
    agents : tuple of str
        The agents named (empty when none could be read).
    agent_text : str
        The words the agents were read from, as written.
    agent_span : tuple of int or None
        Their span.
    tense : str or None
        ``"present"`` or ``"past"`` for verbs, None for phrases.
    negated, confirm, inverted, pronoun : bool
        A negated verb; a verb of confirmation; a subject after the verb; agents
        taken from a pronoun's antecedent.
    closes : bool
        The cue ends its clause with nothing reported after it ("..., X said."): it
        may own the figures before it.
    dates : list of DateMention
        Statement dates read next to the cue, nearest to the verb first.
    confidence : float
    reason : str
    how : str
        How the cue names its agent, for the ``attribution_cue`` column: ``"selon"``
        (a phrase: "selon", "d'après", "according to", "pour la police"),
        ``"reporting_verb"``, ``"passive_agent"`` ("décomptés par la préfecture",
        "an estimate by the U.S. government"), ``"estimate_noun"`` ("organisers'
        estimate: 200,000", "Eqecat's estimate is ...").
    """

    start: int
    end: int
    verb: str
    kind: str
    agents: tuple[str, ...] = ()
    agent_text: str = ""
    agent_span: tuple[int, int] | None = None
    tense: str | None = None
    negated: bool = False
    confirm: bool = False
    inverted: bool = False
    pronoun: bool = False
    closes: bool = False
    dates: list[DateMention] = field(default_factory=list)
    confidence: float = 0.9
    reason: str = ""
    how: str = "reporting_verb"


# ----------------------------------------------------------------------- agents
def _caps(t: Token) -> bool:
    """An all-capitals word of two letters or more ("UN", "WHO", "NATO")."""
    letters = [c for c in t.text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _is_det(t: Token, lang: str) -> bool:
    return t.low in _DETERMINERS[lang] and not _caps(t)


def _strip_determiners(words: list[Token], lang: str) -> list[Token]:
    i = 0
    while i < len(words) - 1 and _is_det(words[i], lang):
        i += 1
    return words[i:]


def _split_top(words: list[Token], sep: frozenset[str]) -> list[list[Token]]:
    out: list[list[Token]] = [[]]
    for t in words:
        if t.low in sep:
            if out[-1]:
                out.append([])
        else:
            out[-1].append(t)
    return [p for p in out if p]


def _text_of(text: str, words: list[Token]) -> str:
    return " ".join(text[words[0].start : words[-1].end].split()) if words else ""


def _is_name(words: list[Token]) -> bool:
    """Capitalised words without an article ("Mark Rutte", "John Kirby")."""
    words = [t for t in words if t.text != "."]
    return (
        0 < len(words) <= 5
        and not any(words[0].low in d for d in _DETERMINERS.values())
        and all(
            t.capitalised or t.low in ("de", "van", "von", "al", "bin", "ben", "da") for t in words
        )
        and words[-1].capitalised
    )


def _is_title(t: Token) -> bool:
    low = t.low.rstrip(".")
    return low in _TITLES or low.rsplit("-", 1)[-1] in _TITLES or low in _DESCRIPTORS


def _name_after_title(words: list[Token]) -> list[Token] | None:
    """The name after the last title word ("président ukrainien Volodymyr Zelensky")."""
    last = -1
    for i, t in enumerate(words):
        if _is_title(t):
            last = i
    if last < 0:
        return None
    if any(t.low in _PREPOSITIONS for t in words[:last]):
        return None  # "Organisers of the visit of President George Bush"
    j = last + 1
    # adjectives and complements of the title ("ukrainien", "de l'OTAN") are skipped up
    # to the trailing run of capitalised words
    k = len(words)
    while k > j and (words[k - 1].capitalised or words[k - 1].low in ("de", "van", "von")):
        k -= 1
    tail = words[k:]
    if not tail or not tail[0].capitalised:
        return None
    if any(_is_title(t) for t in tail):
        return None
    if len(tail) == 1 and k == j and words[last].low not in ("m.", "mme", "mr", "mr.", "dr"):
        return tail if last > 0 or words[last].capitalised else None
    return tail


def _distribute(items: list[list[Token]], lang: str) -> list[list[Token]] | None:
    """Share a noun over listed adjectives; None when the items are whole agents."""
    if len(items) < 2:
        return None
    first, rest = items[0], items[1:]
    if lang == "fr" or not first[0].capitalised:
        # "services de renseignement américains, sud-coréens et ukrainiens"
        if (
            all(len(it) == 1 and not it[0].capitalised for it in rest)
            and len(first) >= 2
            and not first[-1].capitalised
        ):
            head = first[:-1]
            return [first, *[head + it for it in rest]]
        return None
    # "US, South Korean and Ukrainian intelligence": the last item ends with lower-case
    # nouns; the others are capitalised modifiers.
    last = items[-1]
    k = len(last)
    while k > 0 and not last[k - 1].capitalised:
        k -= 1
    if k == 0 or k == len(last):
        return None
    noun = last[k:]
    mods = [*items[:-1], last[:k]]
    if not all(all(t.capitalised for t in m) and len(m) <= 2 for m in mods):
        return None
    return [m + noun for m in mods]


def _agents_from(
    text: str, words: list[Token], lang: str, dates: list[DateMention]
) -> tuple[tuple[str, ...], bool]:
    """Agents of a subject's words (dates inside are left out) and whether a title was
    dropped."""
    if dates:
        words = [t for t in words if not any(d.start <= t.start < d.end for d in dates)]
    words = [t for t in words if t.text not in (".",)]
    if not words:
        return (), False
    pieces = _split_top(words, frozenset({","}))
    # Leading phrases that are no subject: "En Russie, ...", "However, ...".
    while len(pieces) > 1 and (
        pieces[0][0].low in _OPENERS or pieces[0][0].low.endswith(("ment", "ly"))
    ):
        pieces = pieces[1:]
    titled = False
    if len(pieces) >= 2 and _is_name(pieces[-1]) and not any(t.low in _COORD for t in pieces[-1]):
        # "Le secrétaire général de l'OTAN, Mark Rutte": the name in apposition
        pieces = [pieces[-1]]
        titled = True
    elif len(pieces) == 2 and _is_name(pieces[0]) and any(t.low in _TITLES for t in pieces[1]):
        # "John Kirby, the White House spokesman"
        pieces = [pieces[0]]
        titled = True
    flat: list[Token] = []
    for i, p in enumerate(pieces):
        if i:
            flat.append(Token(p[0].start, p[0].start, ",", ","))
        flat.extend(p)
    items = _split_top(flat, frozenset({",", "et", "and", "&"}) | {"ainsi"})
    items = [i for i in items if not (len(i) == 1 and i[0].low == "que")]
    shared = _distribute(items, lang)
    if shared is not None:
        items = shared
    out: list[str] = []
    for it in items:
        it = _strip_determiners(it, lang)
        it = _strip_documents(it, lang)
        if len(it) > 2 and it[0].low in _ROLE_HEADS and it[1].low in _PREPOSITIONS:
            it = it[:1]  # "Organisers of today's demonstration against ..."
        name = _name_after_title(it)
        if name is not None:
            it = name
            titled = True
        if len(it) == 1 and _is_det(it[0], lang):
            continue
        s = _join_words(text, it)
        s = s.replace(";", ",").strip(" ,")
        if s.endswith(("'s", "’s")):
            s = s[:-2]
        if s:
            out.append(s)
    return tuple(dict.fromkeys(out)), titled


def _strip_documents(words: list[Token], lang: str) -> list[Token]:
    """ "police estimates" -> "police"; "les chiffres de la police" -> "police";
    "organisers' estimate" -> "organisers"."""
    body = [t for t in words if t.is_word or t.text in ("(", ")")]
    if len(body) >= 2 and body[-1].low in _DOCUMENTS and body[-2].low not in _PREPOSITIONS:
        words = words[: words.index(body[-1])]
        while words and words[-1].text in ("'", "’"):
            words = words[:-1]
    for i in (0, 1):  # "les chiffres de la police", "une précédente estimation du HCR"
        if (
            len(words) >= i + 3
            and words[i].low in _DOCUMENTS
            and words[i + 1].low in _PREPOSITIONS
            and not words[0].capitalised
        ):
            return _strip_determiners(words[i + 2 :], lang)
    return words


def _join_words(text: str, words: list[Token]) -> str:
    """The words as written when they are contiguous, else joined by spaces."""
    parts = [words[0].text]
    for a, b in pairwise(words):
        gap = text[a.end : b.start] if a.end <= b.start else " "
        if gap == "" or (gap.isspace() and "\n" not in gap):
            parts.append((gap and " ") + b.text)
        else:
            parts.append(" " + b.text)
    return "".join(parts)


# ----------------------------------------------------------------------- subjects
def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _walk_back(
    toks: list[Token],
    j: int,
    lang: str,
    figures: Sequence[tuple[int, int]],
    skip: Sequence[tuple[int, int]] = (),
) -> tuple[list[Token], bool, bool]:
    """Subject words ending at token ``j``: (words, through a relative word, cut short).

    Tokens inside ``skip`` (dates: "Rival firm AIR earlier this week estimated") and
    parentheticals ("La police pour sa part fait état") are passed over."""
    stop = _STOP[lang]
    words: list[Token] = []
    relative = False
    n_words = 0
    while j >= 0:
        t = toks[j]
        if _inside(t.start, figures):
            break
        if skip and _inside(t.start, skip) and t.low not in ("since", "depuis"):
            j -= 1
            continue
        if j >= 2 and (toks[j - 2].low, toks[j - 1].low, t.low) in _FILLERS:
            j -= 3
            continue
        if (
            t.low in _PARTICLES
            and words
            and words[0].capitalised
            and j > 0
            and toks[j - 1].capitalised
        ):
            words.insert(0, t)  # "Rio Grande do Sul"
            j -= 1
            continue
        if t.text == ",":
            if any(w.low in _COORD for w in words) and _list_item_before(toks, j, figures):
                words.insert(0, t)
                j -= 1
                continue
            break
        if not t.is_word:
            if t.text in ("-", "‐", "'", "’"):
                words.insert(0, t)
                j -= 1
                continue
            if t.text == ".":
                j -= 1
                continue
            if t.text == ")" and j >= 2:
                # an acronym in brackets: "la Fédération ... (FFSA) a indiqué"
                k = j - 1
                while k > j - 4 and k >= 0 and toks[k].text != "(":
                    k -= 1
                inner = toks[k + 1 : j]
                if k >= 1 and toks[k].text == "(" and inner and all(_caps(w) for w in inner):
                    words[0:0] = toks[k : j + 1]
                    j = k - 1
                    continue
            break
        if (
            t.low in ("pour", "for")
            and any(w.text == "(" for w in words)
            and j > 0
            and toks[j - 1].is_word
        ):
            words.insert(0, t)  # "le Haut Commissariat ... pour les réfugiés (HCR)"
            j -= 1
            continue
        if t.low in _RELATIVE and not _caps(t):
            if words:
                break
            relative = True  # "le Pentagone, qui a déclaré": the antecedent
            j -= 1
            if j >= 0 and toks[j].text == ",":
                j -= 1
            continue
        if t.low in stop and not _caps(t):
            if not words and t.low in _PRONOUNS | _NOBODY and t.low not in _COMPLEMENTISER:
                words.insert(0, t)  # a pronoun subject
            break
        words.insert(0, t)
        n_words += 1
        if n_words >= _MAX_SUBJECT:
            return words, relative, True
        j -= 1
    return words, relative, False


def _list_item_before(toks: list[Token], j: int, figures: Sequence[tuple[int, int]]) -> bool:
    """Whether the words before the comma at ``j`` are one short item of a list of
    agents ("la Corée du Sud, les États-Unis et l'Ukraine"), not the end of a clause
    ("... thousands of villages in the Sindh province, witnesses and officials said")."""
    n = 0
    k = j - 1
    while k >= 0 and toks[k].text not in (",", ";", ":", "(", ")", "«", "»", '"'):
        t = toks[k]
        if _inside(t.start, figures) or t.low in _LIST_BREAKERS:
            return False
        if t.low in _COMPLEMENTISER or t.low in _RELATIVE or t.low in ("alors", "while"):
            break
        if t.is_word:
            n += 1
        if n > 6:
            return False
        k -= 1
    return n > 0


def _subject_before(
    toks: list[Token],
    i: int,
    lang: str,
    figures: Sequence[tuple[int, int]],
    skip: Sequence[tuple[int, int]] = (),
) -> tuple[list[Token], bool, bool]:
    """Words of the subject ending at token ``i - 1``; (words, relative, cut short).

    A comma right before the verb closes a parenthetical: a name in apposition
    ("..., Mark Rutte, a déclaré") is the subject with its title before it; a title
    ("John Kirby, the White House spokesman, said") goes with the name before it; a
    relative clause or an adverbial (", which was released on Tuesday,", ", dans un
    communiqué,") is skipped.
    """
    j = i - 1
    if j >= 0 and toks[j].text == ",":
        k = j - 1
        while (
            k >= 0
            and k > j - 16
            and toks[k].text not in (",", "«", "»", "(", ")", ";", ":")
            and not _inside(toks[k].start, figures)
        ):
            k -= 1
        piece = toks[k + 1 : j]
        if not piece:
            return _walk_back(toks, j - 1, lang, figures, skip)
        if skip and k >= 0 and all(_inside(t.start, skip) for t in piece if t.is_word):
            # a date between commas: "Une précédente estimation du HCR, le 20 août, ..."
            return _walk_back(toks, k - 1, lang, figures, skip)
        first = piece[0].low
        has_title = any(t.low in _TITLES for t in piece)
        if k >= 0 and toks[k].text == ",":
            if (
                (first in _RELATIVE and not _caps(piece[0]))
                or first in _OPENERS
                or first in _COMPLEMENTISER
                or first.endswith("ing")
            ):
                return _walk_back(toks, k - 1, lang, figures, skip)
            left, rel, cut = _walk_back(toks, k - 1, lang, figures, skip)
            if _is_name(piece) or (has_title and _is_name(left)):
                return [*left, toks[k], *piece], rel, cut
        elif k < 0 and _is_name(piece):  # "Mark Rutte, a déclaré" opening the sentence
            return piece, False, False
        return [], False, False  # the caller looks for a subject after the verb
    return _walk_back(toks, j, lang, figures, skip)


def _subject_after(
    toks: list[Token], i: int, figures: Sequence[tuple[int, int]], lang: str
) -> list[Token]:
    """The noun phrase right after the cue (for phrases and inverted verbs)."""
    stop = _STOP[lang] | _RELATIVE | _COMPLEMENTISER
    words: list[Token] = []
    j = i
    while j < len(toks) and len(words) < 10:
        t = toks[j]
        if _inside(t.start, figures):
            break
        if not t.is_word:
            if t.text in ("-", "‐", "'", "’") or (t.text == "." and words):
                j += 1
                continue
            break
        if t.low in stop and words:
            break
        if t.low in stop and t.low not in _PRONOUNS | {"lui", "eux", "them", "him"}:
            break
        if words and t.low in _PREPOSITIONS_AFTER:
            break  # "M. Kalimzai à la presse", "John Kirby to reporters"
        words.append(t)
        j += 1
    # "le Haut Commissariat de l'ONU pour les réfugiés (HCR)": a name through "pour"
    named = any(w.capitalised for w in words)
    if named and j + 3 < len(toks) and toks[j].low in ("pour", "for"):
        k = j + 1
        while k < len(toks) and k < j + 5 and toks[k].text != "(":
            k += 1
        if k + 2 < len(toks) and toks[k].text == "(" and _caps(toks[k + 1]):
            words.extend(t for t in toks[j:k] if t.is_word or t.text in ("'", "’"))
            j = k
    if (
        words
        and j + 2 < len(toks)
        and toks[j].text == "("
        and _caps(toks[j + 1])
        and toks[j + 2].text == ")"
    ):
        words.extend(toks[j : j + 3])
    return words


def _skip_adjuncts(toks: list[Token], j: int, dates: Sequence[DateMention], lang: str) -> int:
    """The first token after the dates and prepositional phrases that follow a verb
    ("a déclaré à l'AFP Bernard Spitz", "a rectifié mercredi devant la presse le
    ministre", "a annoncé dans la nuit de lundi à mardi le vice-président")."""
    n = len(toks)
    for _ in range(8):
        if j >= n:
            return j
        t = toks[j]
        if any(d.start <= t.start < d.end for d in dates):
            j += 1
            continue
        if (
            t.low in ("ce", "cette", "this", "last")
            and j + 1 < n
            and any(d.start <= toks[j + 1].start < d.end for d in dates)
        ):
            j += 2
            continue
        if t.low in _PREPOSITIONS_AFTER:
            j += 1
            if j < n and _is_det(toks[j], lang):
                j += 1
            if j < n and toks[j].is_word:
                j += 1
            while j + 1 < n and toks[j].low in ("de", "du", "des", "of") and toks[j + 1].is_word:
                j += 2
            continue
        return j
    return j


def _with_apposition(
    toks: list[Token], words: list[Token], figures: Sequence[tuple[int, int]]
) -> list[Token]:
    """A subject after the verb with a name in apposition ("le ministre afghan de la
    Santé, Qalandar Ebad"): the words, the comma and the name."""
    if not words:
        return words
    idx = {t.start: i for i, t in enumerate(toks)}
    j = idx[words[-1].start] + 1
    k0 = j  # over a complement first: "la représentante du HCR au Tchad, Laura Castro"
    while (
        k0 < len(toks)
        and k0 < j + 5
        and toks[k0].is_word
        and not toks[k0].text[0].isdigit()
        and not _inside(toks[k0].start, figures)
    ):
        k0 += 1
    if k0 < len(toks) and toks[k0].text == "," and k0 > j:
        words = [*words, *toks[j:k0]]
        j = k0
    if j < len(toks) and toks[j].text == ",":
        name: list[Token] = []
        k = j + 1
        while k < len(toks) and (toks[k].is_word or toks[k].text in (".", "-")) and len(name) < 6:
            if _inside(toks[k].start, figures):
                break
            if toks[k].is_word and not toks[k].capitalised and toks[k].low not in ("de", "van"):
                break
            name.append(toks[k])
            k += 1
        end_ok = k >= len(toks) or toks[k].text in (".", ",", ";", "!", "?", ")")
        if end_ok and _is_name([t for t in name if t.is_word]):
            return [*words, toks[j], *name]
    return words


def _is_document(words: list[Token], lang: str) -> bool:
    """Whether a noun phrase names a document, not an agent ("des estimations
    préliminaires", "un nouveau bilan", "the latest figures")."""
    content = [t for t in words if t.is_word and not _is_det(t, lang)]
    return bool(content) and any(t.low in _DOCUMENTS for t in content[:3])


def _document_agent(
    toks: list[Token], i: int, figures: Sequence[tuple[int, int]], lang: str
) -> list[Token] | None:
    """The agent after "par" / "by" in a document phrase ("les comptages transmis par la
    police", "un nouveau bilan rendu public samedi soir par le ministère"), or after
    "de" / "of" ("les chiffres de la police")."""
    j = i
    seen_doc = False
    n = 0
    while j < len(toks) and n < 12:
        t = toks[j]
        if _inside(t.start, figures) or t.text in (",", ";", ":", "(", ")", "«", "»", '"'):
            return None
        if t.low in _DOCUMENTS:
            seen_doc = True
        elif seen_doc and t.low in ("par", "by"):
            return _subject_after(toks, j + 1, figures, lang) or None
        elif seen_doc and n <= 3 and t.low in ("de", "du", "des", "of", "d'"):
            after = _subject_after(toks, j + 1, figures, lang)
            if after and not _is_document(after, lang):
                return after
            return None
        elif not seen_doc and not (t.is_word and (_is_det(t, lang) or n < 2)):
            return None
        j += 1
        n += 1
    return None


# ----------------------------------------------------------------------- cues
def find_cues(
    text: str,
    start: int,
    end: int,
    lang: str,
    published: date,
    figures: Sequence[tuple[int, int]],
    previous_agents: tuple[str, ...] = (),
    dates: Sequence[DateMention] | None = None,
) -> list[Cue]:
    """The reporting cues of the sentence ``text[start:end]``, in order.

    Parameters
    ----------
    text : str
        The whole text (spans refer to it).
    start, end : int
        The sentence.
    lang : {"en", "fr"}
    published : datetime.date
        For statement dates.
    figures : sequence of (int, int)
        Spans of the figures in the sentence (a subject never runs through one).
    previous_agents : tuple of str
        The last agents named in the sentence before (for pronouns).
    dates : sequence of DateMention, optional
        The dates of the sentence, when the caller has them already.

    Examples
    --------
    >>> from datetime import date
    >>> s = "Les services de renseignement américains, sud-coréens et ukrainiens estiment"
    >>> for agent in find_cues(s, 0, len(s), "fr", date(2024, 11, 12), [])[0].agents:
    ...     print(agent)
    services de renseignement américains
    services de renseignement sud-coréens
    services de renseignement ukrainiens
    """
    toks = tokenize(text, start, end)
    if not toks:
        return []
    if dates is None:
        dates = find_dates(text, lang, published, start, end)
    index = {t.start: k for k, t in enumerate(toks)}
    cues: list[Cue] = []
    for m in _CUES[lang].finditer(text, start, end):
        k = index.get(m.start())
        if k is None:
            continue
        cue = _make_cue(text, m, toks, k, lang, dates, figures, end)
        if cue is not None:
            cues.append(cue)
    cues.extend(_passive_cues(text, toks, lang, dates, figures, cues))
    cues.extend(_noun_cues(text, toks, lang, dates, figures))
    cues.sort(key=lambda c: c.start)
    # Pronouns: the last agents named before, in this sentence or the one before.
    named = previous_agents
    for cue in cues:
        if cue.pronoun:
            if named:
                from_here = any(c.agents and not c.pronoun and c.end <= cue.start for c in cues)
                cue.agents = named
                cue.confidence = 0.7 if from_here else 0.5
                where = "earlier in the sentence" if from_here else "in the sentence before"
                cue.reason += f"; the pronoun stands for {'; '.join(named)} named {where}"
            else:
                cue.reason += "; a pronoun with no agent named before it: no source"
        if cue.agents and not cue.negated:
            named = cue.agents
    # Reported speech inside reported speech ("Burns on Wednesday said that the United
    # States estimated ..."; "RMS said on Thursday that it estimated"): the inner cue
    # was stated when the outer one was.
    for i, cue in enumerate(cues):
        if cue.dates or cue.kind != "verb":
            continue
        for outer in reversed(cues[:i]):
            if (
                outer.kind == "verb"
                and outer.dates
                and _COMPLEMENTISER_RE.search(text, outer.end, cue.start)
            ):
                cue.dates = list(outer.dates)
                break
    # A cue ends its clause when nothing is reported after it.
    for i, cue in enumerate(cues):
        after_end = cues[i + 1].start if i + 1 < len(cues) else end
        cue.closes = _closes(text, cue, toks, after_end, figures)
    return cues


def _make_cue(
    text: str,
    m: re.Match[str],
    toks: list[Token],
    k: int,
    lang: str,
    dates: Sequence[DateMention],
    figures: Sequence[tuple[int, int]],
    end: int,
) -> Cue | None:
    words = " ".join(m.group().split())
    if _inside(m.start(), figures):
        return None
    k_end = k
    while k_end < len(toks) and toks[k_end].end <= m.end():
        k_end += 1
    if m.group("phrase") is not None:
        cue = Cue(m.start(), m.end(), words, "phrase", how="selon")
        after = _subject_after(toks, k_end, figures, lang)
        by = _document_agent(toks, k_end, figures, lang)
        if by is not None:  # "selon les comptages transmis par la police": the police
            after = by
        elif _is_document(after, lang):
            return None  # "selon des estimations préliminaires": nobody named
        _fill_agents(text, cue, after, lang, dates)
        if not cue.agents and not cue.pronoun:
            return None
        cue.reason = f"'{words} {cue.agent_text}'"
        if cue.agent_span is not None:  # "selon un bilan rendu public samedi par ..."
            cue.dates = _within(dates, cue.end, cue.agent_span[1])
        return cue
    verb_low = (m.group("part") or m.group("finite")).lower()
    tense = "present" if m.group("aux") is None and verb_low in _PRESENT_FORMS else "past"
    if m.group("aux") is not None and lang == "en" and m.group("aux") in ("has", "have"):
        tense = "past"
    # Passives are no cue: "was estimated", "a été estimé", "est estimé à"; nor is a
    # noun after an article or a preposition ("le chiffre", "an estimate", "of claims").
    prev = toks[k - 1] if k > 0 else None
    clitic = (
        lang == "fr"
        and prev is not None
        and prev.low in ("les", "le", "la", "l'")
        and verb_low.endswith(("ait", "aient", "ent"))
        and k >= 2
        and toks[k - 2].is_word
        and not _is_det(toks[k - 2], lang)
        and toks[k - 2].low not in _NOMINAL_BEFORE
    )  # "L'ONU les estimait à 76 000": "les" is the object
    if (
        prev is not None
        and not clitic
        and (prev.low in _PASSIVE or _is_det(prev, lang) or prev.low in _NOMINAL_BEFORE)
    ):
        return None
    nxt = toks[k_end] if k_end < len(toks) else None
    if nxt is not None and nxt.low in _STATE_AFTER:
        return None  # "troops reported dead", "people reported missing": no speech
    if (
        lang == "en"
        and m.group("aux") is None
        and nxt is not None
        and (
            nxt.low == "of"
            or (
                verb_low in _EN_NOUNLIKE
                and nxt.low in ("for", "on", "from", "by", ",", ".", ":", ";", "is", "was")
            )
        )
    ):
        return None  # "the first significant estimate of", "U.S. estimate for": nouns
    # Negation and adverbs just before the verb belong to the cue.
    negated = any(w in _NEGATORS for w in words.lower().replace("’", "'").split())
    k0 = k
    while (
        k0 > 0
        and k - k0 < 3
        and toks[k0 - 1].low in (_NEG_LEAD | _LEAD_ADVERBS)
        and toks[k0 - 1].low not in ("since", "depuis", "later", "earlier")
    ):
        if toks[k0 - 1].low in _NEGATORS or toks[k0 - 1].low in ("did", "does", "do"):
            negated = negated or toks[k0 - 1].low in _NEGATORS
        k0 -= 1
    if k0 > 0 and toks[k0 - 1].low in ("n'", "ne"):
        negated = True
        k0 -= 1
    if lang == "en" and k0 < k and not negated and toks[k0].low in ("did", "does", "do"):
        return None  # "did say" is rare; "do estimate" likewise: keep it simple
    if clitic:
        k0 -= 1
    cue = Cue(
        toks[k0].start,
        m.end(),
        words,
        "verb",
        tense=tense,
        negated=negated,
        confirm=verb_low.split()[-1] in _CONFIRM,
    )
    skip = [(d.start, d.end) for d in dates]
    subj, relative, cut = _subject_before(toks, k0, lang, figures, skip)
    subj_words = [t for t in subj if t.is_word]
    if not subj_words:
        # Inverted: "..., a déclaré le ministre." / "..., said John Kirby."  Only after
        # a comma, a quote or a dash: "that reported Russian fatalities" is no speech.
        if k0 > 0 and toks[k0 - 1].text not in _BEFORE_INVERTED:
            return None
        after = _subject_after(toks, _skip_adjuncts(toks, k_end, dates, lang), figures, lang)
        after = _with_apposition(toks, after, figures)
        if not after:
            return None
        cue.inverted = True
        _fill_agents(text, cue, after, lang, dates)
        if not cue.agents and not cue.pronoun:
            return None
        cue.reason = f"subject of '{words}' after it ('{cue.agent_text}')"
        cue.confidence = 0.8
        if cue.agent_span is not None:  # "a annoncé mardi le gouverneur", "said Tuesday"
            cue.dates = (
                _within(dates, cue.end, cue.agent_span[1])
                + _within(dates, cue.agent_span[1], min(end, cue.agent_span[1] + _AFTER_VERB))[:1]
            )
        return cue
    if len(subj_words) == 1 and _is_det(subj_words[0], lang):
        return None  # "the report said" read as "report" is a noun: the cue is "said"
    if any(t.low in ("according", "selon", "d'après", "citing") for t in subj_words):
        return None  # "according to US estimates": a phrase, not a verb
    first = next((i for i, t in enumerate(toks) if t.start == subj_words[0].start), 0)
    if first > 0 and toks[first - 1].low in ("by", "par") and not relative:
        return None  # "Documents leaked by X revealed": X is no speaker of the verb
    content = [t for t in subj_words if not _is_det(t, lang)]
    if (
        content
        and content[0].low in _DOCUMENTS
        and (len(content) < 2 or content[1].low not in _PREPOSITIONS)
    ):
        return None  # "le bilan provisoire fait état de": a document names nobody
    _fill_agents(text, cue, subj, lang, dates)
    if not cue.agents and not cue.pronoun and not cue.reason:
        return None
    # A nominal reading: "le chiffre", "an estimate", "the claims" (article + form).
    if not cue.reason:
        cue.reason = f"subject of '{words}' ('{cue.agent_text}')"
    if relative:
        cue.reason += " through 'qui'/'who'"
    if cut:
        cue.confidence = 0.5
        cue.reason += f"; subject cut at {_MAX_SUBJECT} words"
    # Statement dates: after the verb up to "que"/"that" (or a figure), then a phrase
    # right before the subject ("La semaine dernière, les États-Unis ...").
    stop_at = min(end, cue.end + _AFTER_VERB)
    for f0, _ in figures:
        if f0 >= cue.end:
            stop_at = min(stop_at, f0)
            break
    j = k_end
    while j < len(toks) and toks[j].start < stop_at:
        if toks[j].low in _COMPLEMENTISER or toks[j].text in (",", ";", ":", "«", '"'):
            stop_at = toks[j].start
            break
        j += 1
    after_dates = _within(dates, cue.end, stop_at)
    before: list[DateMention] = []
    if cue.agent_span is not None and cue.agent_span[1] < cue.start:
        # between the subject and the verb: ", in a statement on Friday,"
        before.extend(_within(dates, cue.agent_span[1], cue.start))
    if cue.agent_span is not None:
        s0 = cue.agent_span[0]
        # the stretch before the subject, back to the clause start
        lo = max(toks[0].start, s0 - 80)
        for d in _within(dates, lo, s0):
            gap = text[d.end : s0]
            if gap.strip(" ,\u00a0") == "" and "," in gap:
                before.append(d)
    cue.dates = after_dates + cue.dates + before
    return cue


def _passive_cues(
    text: str,
    toks: list[Token],
    lang: str,
    dates: Sequence[DateMention],
    figures: Sequence[tuple[int, int]],
    cues: Sequence[Cue],
) -> list[Cue]:
    """Agents after "par" / "by" following a participle or a document noun: "8500
    décomptés par la préfecture", "l'estimation de 25.000 personnes donnée par la
    préfecture", "an estimate by the U.S. government", "pour la police" after a figure.
    """
    out: list[Cue] = []
    if not toks or not _PASSIVE_HINT.search(text, toks[0].start, toks[-1].end):
        return out
    covered = [(c.start, c.agent_span[1]) for c in cues if c.agent_span is not None]
    for j, t in enumerate(toks):
        if t.low in ("par", "by") and j > 0:
            back = toks[max(0, j - 4) : j]
            if not any(w.low in _PASSIVE_PARTS or w.low in _DOCUMENTS for w in back):
                continue
            k = next(i for i, w in enumerate(back) if w.low in _PASSIVE_PARTS | _DOCUMENTS)
            head = back[k]
            if _inside(head.start, covered) or _inside(t.start, figures):
                continue
            if any(_inside(w.start, figures) for w in back[k + 1 :]):
                continue
            agent = _subject_after(toks, j + 1, figures, lang)
            agent = _with_apposition(toks, agent, figures)
            # after a figure, the participle follows it closely ("8500 décomptés par")
            prior = [f for f in figures if f[1] <= head.start]
            if prior:
                gap = text[prior[-1][1] : head.start]
                if len(gap.split()) > 2 or "," in gap:
                    continue
        elif (
            lang == "fr"
            and t.low == "pour"
            and j > 0
            and (_inside(toks[j - 1].start, figures) or toks[j - 1].text == ",")
            and j + 1 < len(toks)
        ):
            agent = _subject_after(toks, j + 1, figures, lang)
            body = [w for w in agent if w.is_word and not _is_det(w, lang)]
            if not body or not (body[0].low in _COUNTERS or body[0].capitalised):
                continue
            head = t
        else:
            continue
        if not agent:
            continue
        how = "selon" if head.low == "pour" else "passive_agent"
        words = " ".join(text[head.start : t.end].split())
        cue = Cue(head.start, t.end, words, "phrase", how=how)
        _fill_agents(text, cue, agent, lang, dates)
        if not cue.agents:
            continue
        cue.reason = f"agent of '{words} {cue.agent_text}'"
        if cue.agent_span is not None:
            cue.dates = _within(dates, head.start, cue.agent_span[1])
        out.append(cue)
    return out


def _noun_cues(
    text: str,
    toks: list[Token],
    lang: str,
    dates: Sequence[DateMention],
    figures: Sequence[tuple[int, int]],
) -> list[Cue]:
    """An owner before "estimate": "organisers' estimate: 200,000", "Eqecat's estimate
    is $1.8 billion", "police estimate: 55,000"."""
    if lang != "en":
        return []
    out: list[Cue] = []
    for j, t in enumerate(toks):
        if t.low not in ("estimate", "estimates", "count", "tally", "figure", "figures"):
            continue
        if j == 0 or j + 1 >= len(toks):
            continue
        nxt = toks[j + 1]
        if not (nxt.text == ":" or nxt.low in ("of", "is", "was", "put", "puts", "placed")):
            continue
        owner: list[Token] = []
        i = j - 1
        if toks[i].text in ("'", "’"):  # "organisers' estimate"
            i -= 1
        while i >= 0 and len(owner) < 4:
            w = toks[i]
            if not w.is_word or _inside(w.start, figures) or _is_det(w, lang):
                break
            if w.low in _STOP[lang] or w.low in _PASSIVE_PARTS or w.low in _EN_PHRASE_WORDS:
                break
            owner.insert(0, w)
            i -= 1
            if (
                not owner[0].capitalised
                and len(owner) == 1
                and i >= 0
                and toks[i].is_word
                and not toks[i].capitalised
            ):
                break
        possessive = toks[j - 1].text in ("'", "’") or toks[j - 1].low.endswith(("'s", "’s"))
        if not owner or not (possessive or owner[-1].capitalised or owner[-1].low in _COUNTERS_EN):
            continue
        words = " ".join(text[owner[0].start : t.end].split())
        cue = Cue(owner[0].start, nxt.end, words, "noun", how="estimate_noun")
        _fill_agents(text, cue, owner, lang, dates)
        if not cue.agents:
            continue
        cue.agent_span = (owner[0].start, t.end)
        cue.reason = f"owner of '{words}'"
        out.append(cue)
    return out


def _within(dates: Sequence[DateMention], start: int, end: int) -> list[DateMention]:
    return [d for d in dates if start <= d.start and d.end <= end]


def _fill_agents(
    text: str, cue: Cue, words: list[Token], lang: str, dates: Sequence[DateMention]
) -> None:
    words = [t for t in words if t.text != "."] or words
    if not words:
        return
    cue.agent_span = (words[0].start, words[-1].end)
    cue.agent_text = " ".join(text[words[0].start : words[-1].end].split())
    inner = _within(dates, words[0].start, words[-1].end)
    cue.dates = inner
    content = [t for t in words if t.is_word]
    if len(content) == 1 and content[0].low in _NOBODY:
        cue.reason = f"impersonal subject '{content[0].text}': no source"
        return
    if len(content) == 1 and content[0].low in _PRONOUNS:
        cue.pronoun = True
        cue.reason = f"pronoun '{content[0].text}' as subject of '{cue.verb}'"
        return
    agents, titled = _agents_from(text, words, lang, inner)
    cue.agents = agents
    if titled:
        cue.confidence = min(cue.confidence, 0.85)


def _closes(
    text: str, cue: Cue, toks: list[Token], after_end: int, figures: Sequence[tuple[int, int]]
) -> bool:
    """Whether nothing is reported after the cue (it may own the figures before it)."""
    if cue.kind == "phrase" or cue.inverted:
        tail_from = cue.agent_span[1] if cue.agent_span else cue.end
    else:
        tail_from = cue.end
        s0 = cue.agent_span[0] if cue.agent_span else cue.start
        before = text[max(0, s0 - 8) : s0].rstrip()
        if not before.endswith((",", "»", "”", '"', "—", "–")):
            return False
    tail = text[tail_from:after_end]
    if cue.kind == "verb" and not cue.inverted:
        # "..., the governor said Sunday, bringing the total to more than 100"
        rest = tail
        for d in cue.dates:
            if d.start >= tail_from:
                rest = text[d.end : after_end]
                break
        if rest.lstrip()[:1] in (",", ".", ";", "") and not re.match(
            r"\s*,?\s*(?:que|qu['’]|that)\b", rest
        ):
            return True
    if any(tail_from <= a < after_end for a, _ in figures):
        return False
    return not re.search(r"(?<![^\W_])(?:que|qu['’]|that)(?![^\W_])", tail)


def attribute(
    figure: tuple[int, int], cues: Sequence[Cue], others: Sequence[int] = ()
) -> Cue | None:
    """The cue a figure of the sentence belongs to, or None (see :func:`assign`).

    Examples
    --------
    >>> from datetime import date
    >>> s = "Plus de 500 soldats sont morts, selon Kiev."
    >>> cues = find_cues(s, 0, len(s), "fr", date(2024, 11, 12), [(0, 19)])
    >>> attribute((0, 19), cues).agents
    ('Kiev',)
    """
    starts = sorted({figure[0], *others})
    spans = [(a, figure[1] if a == figure[0] else a + 1) for a in starts]
    cue, _ = assign("", "en", spans, cues)[starts.index(figure[0])]
    return cue


def _nearest_after(i: int, spans: Sequence[tuple[int, int]], cues: Sequence[Cue]) -> Cue | None:
    """A phrase (or passive agent, or closing inverted verb) right after figure ``i``:
    no other figure and no other cue between them ("8 500 selon la préfecture")."""
    b = spans[i][1]
    nxt = spans[i + 1][0] if i + 1 < len(spans) else None
    for c in cues:
        if c.start < b:
            continue
        if nxt is not None and nxt < c.start:
            return None
        if (c.kind == "phrase" and c.how in ("selon", "passive_agent")) or c.inverted:
            return c
        return None
    return None


def _closing_after(i: int, spans: Sequence[tuple[int, int]], cues: Sequence[Cue]) -> Cue | None:
    """The first cue after figure ``i`` that closes its clause, with no verb reporting
    other words between ("2 012 morts et 2 059 blessés, ..., selon le ministère")."""
    b = spans[i][1]
    for c in cues:
        if c.start < b:
            continue
        if c.closes or (c.kind == "phrase" and c.how in ("selon", "passive_agent")):
            return c
        if c.kind == "noun":
            continue
        return None
    return None


def gapped_agent(
    text: str,
    lang: str,
    figure: tuple[int, int],
    s0: int,
    figures: Sequence[tuple[int, int]],
    dates: Sequence[DateMention] = (),
) -> Cue | None:
    """The subject of an elided verb right before a figure: "les syndicats ont dénombré
    15.000 personnes, et la préfecture 7850", "l'intersyndicale compte 7 000
    participants, la préfecture 4 000", "the unions 65,000, the police 15,000".

    The words between a comma or "et" / "and" and the figure are an article and a
    noun (up to four words, no verb, no figure).
    """
    a = figure[0]
    if not _GAP_HINT.search(text, max(s0, a - 60), a):
        return None
    toks = tokenize(text, max(s0, a - 60), a)
    if len(toks) < 2:
        return None
    j = len(toks) - 1
    words: list[Token] = []
    while j >= 0 and len(words) <= 4:
        t = toks[j]
        if not t.is_word and t.text not in ("'", "’", "-"):
            break
        if t.low in _COORD:
            break
        if _inside(t.start, figures):
            return None
        words.insert(0, t)
        j -= 1
    if j < 0 or not words or not (toks[j].text == "," or toks[j].low in _COORD):
        return None
    if len(words) > 4 or not _is_det(words[0], lang):
        return None
    body = [w for w in words[1:] if w.is_word]
    if not body or any(w.low in _STOP[lang] or w.low in _RELATIVE for w in body):
        return None
    if body[0].low not in _COUNTERS and not body[0].capitalised:
        return None
    cue = Cue(words[0].start, words[-1].end, "", "phrase", how="gapping")
    _fill_agents(text, cue, words, lang, dates)
    if not cue.agents:
        return None
    cue.reason = f"'{cue.agent_text}' before the figure, the verb of the clause before elided"
    cue.confidence = 0.7
    return cue


def assign(
    text: str,
    lang: str,
    figures: Sequence[tuple[int, int]],
    cues: Sequence[Cue],
    s0: int = 0,
    dates: Sequence[DateMention] = (),
) -> list[tuple[Cue | None, str]]:
    """The cue each figure of a sentence belongs to, and how it was chosen.

    In order:

    1. a phrase right after the figure, with no other figure between them: "8 500
       manifestants selon la préfecture et 20 000 selon les syndicats", "4.500
       personnes selon la préfecture, 9 à 10.000 selon la CGT", "8500 décomptés par la
       préfecture";
    2. the subject of an elided verb right before it ("..., et la préfecture 7850");
    3. the nearest cue before it in the sentence (its reported speech runs on);
    4. the first cue after it that closes the sentence ("2 012 morts et 2 059 blessés,
       ..., selon le ministère", "..., the governor said").

    Parameters
    ----------
    text : str
        The whole text (for rule 2; may be empty to skip it).
    lang : {"en", "fr"}
    figures : sequence of (int, int)
        The figures of the sentence, in order.
    cues : sequence of Cue
        The sentence's cues, in order (:func:`find_cues`).
    s0 : int
        Where the sentence starts.
    dates : sequence of DateMention
        The dates of the sentence.

    Returns
    -------
    list of (Cue or None, str)
        Per figure: its cue and the rule, ``"after"``, ``"gapping"``, ``"before"``,
        ``"closing"`` or ``"none"``.
    """
    out: list[tuple[Cue | None, str]] = []
    for i, (a, _b) in enumerate(figures):
        after = _nearest_after(i, figures, cues)
        if after is not None:
            out.append((after, "after"))
            continue
        if text and any(c.kind == "verb" and c.end <= a for c in cues):
            gap = gapped_agent(text, lang, figures[i], s0, figures, dates)
            if (
                gap is not None
                and any(c.kind == "verb" and c.end <= gap.start for c in cues)
                and not any(gap.start <= c.start < a for c in cues)
            ):
                out.append((gap, "gapping"))
                continue
        before: Cue | None = None
        for c in cues:
            if c.end <= a and not (
                c.agent_span is not None and c.agent_span[0] <= a < c.agent_span[1]
            ):
                before = c
        if before is not None:
            out.append((before, "before"))
            continue
        closing = _closing_after(i, figures, cues)
        out.append((closing, "closing" if closing is not None else "none"))
    return out
