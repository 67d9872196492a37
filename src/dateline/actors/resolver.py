"""Resolve actor mentions (noun phrases in a parse) to CAMEO actor codes as of the article's date.

Rules, in order: pronouns and references ("he", "the two countries", "the sides") from what the
article said before; names of people, organisations and groups from the knowledge base (a person
is coded by the role they held on the article's date); names learned earlier in the same article
("Rahmon" after "Emomali Rahmon"); and country words (names, adjectives, capitals, metonyms such as
"the Kremlin") combined with role words ("president" -> GOV, "troops" -> MIL). An ambiguous or
unknown mention stays unresolved (code None) and its `rule` says why; it is never guessed.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Span, Token

from dateline.actors.kb import KBHit, KnowledgeBase, PersonRole, normalise
from dateline.nlp import lexicon_of
from dateline.records import Actor

# The words live in data/lexicon/actors.yaml and quantities.yaml, read from the lexicon the parse
# carries (`_words`: the settings' lexicon when the coder parsed it, else the bundled one).
PHRASE_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "flat", "case", "quantmod"}
ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
UNKNOWN_LABELS = {"PERSON", "ORG", "NORP"}  # names that act even when the knowledge base lacks them
UNKNOWN = "---"  # CAMEO's code for an actor of unknown country
NON_STATE_SECTORS = {"REB", "INS", "OPP", "CVL", "REF", "MED", "BUS", "EDU", "LAB", "CRM", "NGO", "AGR", "HLH", "REL",
                     "UAF", "HRI", "SEP", "RAD"}


def _words(tok: Token | Span, name: str) -> frozenset[str]:
    return lexicon_of(tok).words(name)


@dataclass
class ArticleMemory:
    """What an article has established so far: learned names, titles, recent actors, last dyad."""

    names: dict[str, Actor] = field(default_factory=dict)
    titles: dict[str, Actor] = field(default_factory=dict)
    recent: list[Actor] = field(default_factory=list)
    people: list[Actor] = field(default_factory=list)  # the persons among `recent` ("he", "she")
    last_pair: tuple[Actor, Actor] | None = None

    def remember(self, actor: Actor, name_tokens: list[str], title: str | None, person: bool = False) -> None:
        if actor.code is None:
            return
        if person:
            self.people.append(actor)
            del self.people[:-12]
        if name_tokens:
            full = " ".join(name_tokens).lower()
            self.names[full] = actor
            self.names[name_tokens[-1].lower()] = actor
        if title:
            self.titles[title] = actor
        self.recent.append(actor)
        del self.recent[:-12]


@dataclass
class Resolver:
    """Resolves noun phrases of one article. Create one per article."""

    kb: KnowledgeBase
    when: date | None
    memory: ArticleMemory = field(default_factory=ArticleMemory)
    home: str | None = None  # the country of the article's dateline, for "police", "the army"

    def resolve(self, head: Token) -> list[Actor]:
        """All actors a noun phrase headed by `head` denotes (conjuncts give several, and so do
        conjoined modifiers: "Armenian and Azerbaijani troops")."""
        actors: list[Actor] = []
        for token in [head, *_conjuncts(head)]:
            split = self._split_modifiers(token)
            found = split if split else self._resolve_one(token)
            if actors and actors[0].country:  # "the Venezuelan government and THE OPPOSITION"
                found = [localise(a, actors[0].country, "country of its conjunct") for a in found]
            actors.extend(found)
        return actors

    def note_pair(self, source: Actor, target: Actor) -> None:
        """The two sides of an act just coded: a later "the two sides" or "they" refers to them."""
        self.memory.last_pair = (source, target)

    def note_speaker(self, head: Token) -> None:
        """A speaker the article quotes becomes known to it: a later "he" can refer to them."""
        self.resolve(head)

    def recent_countries(self) -> frozenset[str]:
        """The countries of the actors the article named so far (context for place names)."""
        return frozenset(a.country for a in self.memory.recent if a.country)

    def _split_modifiers(self, head: Token) -> list[Actor]:
        places = self._split_places(head)
        if places:
            return places
        for mod in head.children:
            if mod.dep_ not in {"amod", "compound"} or mod.i > head.i:
                continue
            others = [c for c in mod.children if c.dep_ == "conj" and c.i < head.i]
            if not others:
                continue
            actors = [self._lookup(head, [m, head]) for m in [mod, *others]]
            return [a for a in actors if a is not None]
        return []

    def _split_places(self, head: Token) -> list[Actor]:
        """'negotiators FROM RUSSIA AND UKRAINE', 'the foreign ministers OF ARMENIA AND AZERBAIJAN'."""
        if head.pos_ == "PROPN" or head.ent_type_:
            return []
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"from", "of"}:
                continue
            objs = [o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"]
            places = objs + [c for o in objs for c in _conjuncts(o) if c.ent_type_ == "GPE"]
            if len(places) < 2:
                continue
            actors = [self._lookup(head, [head, prep, place]) for place in places]
            return [a for a in actors if a is not None and a.country]
        return []

    def _resolve_one(self, head: Token) -> list[Actor]:
        counted = _counted_noun(head)
        if counted is not None:  # "hundreds of SCHOOLCHILDREN", "dozens of Palestinian PRISONERS"
            return self.resolve(counted)
        lower = head.lower_
        if head.pos_ == "PRON" or head.tag_ in {"PRP", "PRP$"}:
            return self._pronoun(head)
        if _is_pair_reference(head) and self.memory.last_pair:
            return [self._relabel(a, head, "reference to the two sides") for a in self.memory.last_pair]
        tokens = _phrase_tokens(head)
        actor = self._lookup(head, tokens)
        if actor is None and lower in {"side", "sides"} and self.memory.last_pair:
            return [self._relabel(a, head, "reference to the sides") for a in self.memory.last_pair]
        return [actor] if actor else []

    def _pronoun(self, head: Token) -> list[Actor]:
        lower = head.lower_
        if lower in _words(head, "pronouns_plural") and self.memory.last_pair:
            return [self._relabel(a, head, f"pronoun {lower!r}") for a in self.memory.last_pair]
        if lower in _words(head, "pronouns_singular"):
            people = [a for a in self.memory.people if a.name]
            if people:
                return [self._relabel(people[-1], head, f"pronoun {lower!r}")]
        if lower in _words(head, "pronouns_neuter"):
            persons = {id(a) for a in self.memory.people}  # an unnamed role of unknown country is no antecedent
            bodies = [a for a in self.memory.recent if id(a) not in persons and not (is_unknown(a) and a.name is None)]
            if bodies:
                return [self._relabel(bodies[-1], head, f"pronoun {lower!r}")]
        return []

    def _relabel(self, actor: Actor, head: Token, rule: str) -> Actor:
        span = _span_of(_phrase_tokens(head))
        return Actor(text=span.text, start=span.start_char, end=span.end_char, code=actor.code,
                     name=actor.name, country=actor.country, sector=actor.sector, rule=rule)

    def _lookup(self, head: Token, tokens: list[Token]) -> Actor | None:
        span = _span_of(tokens)
        role_term, role_sector = self._role(head, tokens)
        actor, person = self._known(head, tokens, span, role_sector)
        if actor is None and role_term and role_term in self.memory.titles:
            prior = self.memory.titles[role_term]
            actor = Actor(span.text, span.start_char, span.end_char, prior.code, prior.name,
                          prior.country, prior.sector, f"title {role_term!r} seen earlier")
        if actor is None and role_sector:
            actor, person = self._by_surname(tokens, span, role_sector) or (None, person)
        unplaced = [t for t in tokens if not _under_place_modifier(t, head)]  # "a court IN ISTANBUL"
        if actor is None and role_sector and (_generic_role_phrase(head, unplaced) or _titled_name(head, tokens)):
            actor = self._role_only(span, role_term, role_sector)
        if actor is None:
            actor = _unknown(head, tokens, span, role_sector)
        if actor is None and role_sector and head.pos_ == "NOUN" and any(t.ent_type_ for t in unplaced):
            # "Guatrache AUTHORITIES": a role word whose modifier names a place or body not known
            actor = Actor(span.text, span.start_char, span.end_char, f"{UNKNOWN}{role_sector}", None, None,
                          role_sector, f"role {role_term!r} of a name not in the knowledge base; country unknown")
        if actor is not None:
            names = [t.text for t in tokens if t.ent_type_ == "PERSON"]
            self.memory.remember(actor, names, role_term, person=person or bool(names))
        return actor

    def _known(self, head: Token, tokens: list[Token], span: Span,
               role_sector: str | None) -> tuple[Actor | None, bool]:
        """The actor the knowledge base or the article knows by name or country word, and whether
        it is a person."""
        found = self._person_or_org(tokens, span)
        if found is None:
            # "a TV station in the US" is not the US; "students in Dhaka" are Bangladeshi students
            own = tokens if role_sector else [t for t in tokens if not _under_place_modifier(t, head)]
            return (self._from_country(own, span, head, role_sector) if own else None), False
        person = (isinstance(found, KBHit) and found.kind == "person") or found in self.memory.people
        actor = self._from_hit(found, span, role_sector)
        if actor is not None and actor.code is None and role_sector:
            # a known person out of office, named with a title and country ("Afghanistan's
            # President Ashraf Ghani" after he fled): the title speaks for the office
            titled = self._from_country(tokens, span, head, role_sector)
            if titled is not None:
                actor = replace(titled, name=actor.name, rule=f"{titled.rule}; {actor.rule}")
        if actor is not None and actor.code is None and actor.country:
            # out of office, with no title: the country of their nearest role ("Saddam Hussein" in 2005)
            actor = replace(actor, code=actor.country)
        return actor, person

    def _by_surname(self, tokens: list[Token], span: Span, role_sector: str) -> tuple[Actor, bool] | None:
        """A titled surname several known people share ('President Bush', 'the Bush administration'):
        the one in office on the article's date, else the country they all served, with the title's sector."""
        for tok in tokens:
            if tok.pos_ != "PROPN" or (tok.i + 1 < len(tok.doc) and tok.nbor().ent_iob_ == "I"):
                continue  # a first name: the surname is a name's last word
            found = self.kb.shared_surname(tok.text, self.when)
            if isinstance(found, str):
                return Actor(span.text, span.start_char, span.end_char, f"{found}{role_sector}", None, found,
                             role_sector, f"surname {tok.text!r} of several {found} office holders + role"), True
            actor = self._person(KBHit("person", found), span, role_sector) if found is not None else None
            if actor is not None:
                return actor, True
        return None

    def _role_only(self, span: Span, term: str | None, sector: str) -> Actor | None:
        """'police', 'rebel fighters': the dateline's country for state bodies; a bare sector code
        for non-state actors when the article has no home country."""
        weapons = _words(span, "weapon_terms")
        if self.home and (term or "") not in weapons:
            return Actor(span.text, span.start_char, span.end_char, f"{self.home}{sector}", None,
                         self.home, sector, f"role {term!r} + dateline country {self.home}")
        country = next((a.country for a in reversed(self.memory.recent) if a.country), None)
        if country and sector not in NON_STATE_SECTORS and (term or "") not in weapons:
            return Actor(span.text, span.start_char, span.end_char, f"{country}{sector}", None,
                         country, sector, f"role {term!r} + country of the article's last actor")
        # no country yet ("---", as CAMEO codes it): the event's place may still give one ("police ... in Paris")
        return Actor(span.text, span.start_char, span.end_char, f"{UNKNOWN}{sector}", None, None, sector,
                     f"role {term!r}, country unknown")

    def _role(self, head: Token, tokens: list[Token]) -> tuple[str | None, str | None]:
        """The role word of the phrase (the head's own role first) and its sector."""
        candidates = [head] + [t for t in reversed(tokens) if t.i != head.i]
        candidates = [t for t in candidates if t.ent_type_ != "GPE"]  # "United STATES" is a name
        if candidates and head.lemma_.lower() in _words(head, "weak_role_heads"):  # "REBEL fighters"
            candidates = candidates[1:] + candidates[:1]
        for tok in candidates:
            for term in _role_terms(tok):
                entry = self.kb.role(term)
                if entry is not None:
                    return entry.term, entry.sector
        return None, None

    def _person_or_org(self, tokens: list[Token], span: Span) -> KBHit | Actor | None:
        for ent in _entities(tokens):
            learned = self.memory.names.get(ent.text.lower()) or self.memory.names.get(
                ent[-1].text.lower()) if ent.label_ == "PERSON" else None
            hits = [h for h in self.kb.find(ent.text) if h.kind in {"person", "org"}]
            if hits:
                return _best(hits) or _ambiguous(hits, span)
            if learned is not None:
                return learned
        generic = _words(span, "generic_words")
        ngrams = _ngrams([t for t in tokens if t.lower_ not in generic])
        places = [g for g in ngrams if " " in g and any(h.kind not in {"person", "org"} for h in self.kb.find(g))]
        for ngram in ngrams:
            if any(f" {ngram} " in f" {place} " for place in places):
                continue  # "Africa" inside "South Africa", "Guinea" inside "Papua New Guinea"
            hits = [h for h in self.kb.find(ngram) if h.kind in {"person", "org"}]
            if hits:
                return _best(hits) or _ambiguous(hits, span)
            learned = self.memory.names.get(ngram.lower())
            if learned is not None and any(t.pos_ == "PROPN" for t in tokens):
                return learned
        return None

    def _from_hit(self, hit: KBHit | Actor, span: Span, role_sector: str | None) -> Actor | None:
        if isinstance(hit, Actor) and hit.code is None:
            return hit  # ambiguous: kept unresolved, with the candidates in its rule
        if isinstance(hit, Actor):
            return Actor(span.text, span.start_char, span.end_char, hit.code, hit.name,
                         hit.country, hit.sector, "name learned earlier in the article")
        if hit.kind == "person":
            return self._person(hit, span, role_sector)
        org = hit.entry
        if role_sector and not org.sector and org.country and org.code == org.country:
            # a state-level entry (an imported PETRARCH country) with a role word: "the Calenardhon GOVERNMENT"
            return Actor(span.text, span.start_char, span.end_char, f"{org.code}{role_sector}", org.name,
                         org.country, role_sector, f"{org.kind} {org.name!r} + role {role_sector}")
        return Actor(span.text, span.start_char, span.end_char, org.code, org.name,
                     org.country, org.sector, f"{org.kind} {org.name!r}")

    def _person(self, hit: KBHit, span: Span, role_sector: str | None) -> Actor | None:
        person = hit.entry
        role = person.role_at(self.when)
        if role is None:
            nearest = _nearest_role(person.roles, self.when)
            return Actor(span.text, span.start_char, span.end_char, None, person.name,
                         nearest.country if nearest and nearest.country in self.kb.countries else None, None,
                         f"person {person.name!r} held no known role on {self.when}")
        # a post in an organisation or armed group ("IGOUNO", "NRF"), not in a country
        org = self.kb.org(role.country) if role.country not in self.kb.countries else None
        if org is not None:
            return Actor(span.text, span.start_char, span.end_char, org.code, person.name,
                         org.country, role.sector, f"person {person.name!r}: {role.title}")
        code = f"{role.country}{role.sector or ''}"
        return Actor(span.text, span.start_char, span.end_char, code, person.name, role.country,
                     role.sector, f"person {person.name!r}: {role.title} ({role.start}..{role.end})")

    def _from_country(self, tokens: list[Token], span: Span, head: Token,
                      role_sector: str | None) -> Actor | None:
        hit = self._country_hit(tokens)
        if hit is None:
            return None
        country = hit.entry
        sector = role_sector
        if hit.kind in {"adjective", "reference"} and not sector and head.lemma_.lower() in _words(head, "topic_nouns"):
            return None  # "the Afghan issue", "the country's economy": about a country, not an actor
        if hit.kind in {"capital", "metonym"} and (head.ent_type_ or head.pos_ == "PROPN"):
            sector = hit.sector or "GOV"
        code = f"{country.code}{sector or ''}"
        rule = f"{hit.kind} of {country.name}" + (f" + role {sector}" if sector else "")
        return Actor(span.text, span.start_char, span.end_char, code, country.name,
                     country.code, sector, rule)

    def _country_hit(self, tokens: list[Token]) -> KBHit | None:
        hit = self._named_country_hit(tokens)
        if hit is None and any(_is_the_country(t) for t in tokens):
            # "the country's main opposition party": the country the article is about
            country = next((a.country for a in reversed(self.memory.recent) if a.country), None)
            entry = self.kb.country(country) if country else None
            hit = KBHit("reference", entry) if entry is not None else None
        return hit

    def _named_country_hit(self, tokens: list[Token]) -> KBHit | None:
        generic = _words(tokens[0], "generic_words") if tokens else frozenset()
        words = [t for t in tokens if t.lower_ not in generic]
        names = {normalise(e.text) for e in _entities(tokens) if e.label_ in {"ORG", "PERSON", "FAC"}}
        for ngram in _ngrams(words):
            hits = [h for h in self.kb.find(ngram) if h.kind not in {"person", "org"}]
            if names and any(normalise(ngram) in n and normalise(ngram) != n for n in names):
                # "Real MADRID", "the WASHINGTON Post": a place word inside another name
                hits = [h for h in hits if h.kind in {"adjective", "demonym"}]
            codes = {h.entry.code for h in hits}
            if len(codes) == 1:
                return hits[0]
        return None


def localise(actor: Actor, country: str, why: str, names: bool = True) -> Actor:
    """An actor with no country of its own ("protesters", "the opposition", a name the knowledge
    base does not know) takes `country`; with `names=False` an unknown name keeps its "---"."""
    if actor.country or not actor.code:
        return actor
    if actor.code.startswith(UNKNOWN):
        if actor.name is not None and not names:
            return actor
        sector = actor.code[len(UNKNOWN):]
    elif actor.code == actor.sector:
        sector = actor.sector or ""
    else:
        return actor
    return replace(actor, code=f"{country}{sector}", country=country, rule=f"{actor.rule}; {why}")


def is_unknown(actor: Actor) -> bool:
    """An actor whose country is not known (CAMEO's "---")."""
    return bool(actor.code and actor.code.startswith(UNKNOWN))


def _unknown(head: Token, tokens: list[Token], span: Span, sector: str | None) -> Actor | None:
    """A person, organisation or group the knowledge base does not know still acts ("Jan Kowalski,
    a local councillor"): its role word gives the sector, its country is "---" until the event's place
    or dateline gives one. Pronouns and common nouns are no such actor."""
    if head.pos_ != "PROPN" or head.ent_type_ not in UNKNOWN_LABELS:
        return None  # "Wildfires" tagged ORG at the start of a sentence is no name
    ent = next((e for e in _entities(tokens) if e.start <= head.i < e.end), None)
    name = ent.text if ent is not None else head.text
    return Actor(span.text, span.start_char, span.end_char, f"{UNKNOWN}{sector or ''}", name, None, sector,
                 f"{head.ent_type_} {name!r} not in the knowledge base" + (f"; role {sector}" if sector else ""))


def _nearest_role(roles: tuple[PersonRole, ...], day: date | None) -> PersonRole | None:
    """The role nearest in time to `day` (for a person out of office: the country they served)."""
    if not roles or day is None:
        return None
    def distance(role: PersonRole) -> int:
        before = (role.start - day).days if role.start and day < role.start else 0
        after = (day - role.end).days if role.end and day > role.end else 0
        return max(before, after)
    return min(roles, key=distance)


def _best(hits: list[KBHit]) -> KBHit | None:
    """One hit when the hits agree on one entry; None (ambiguous) otherwise."""
    ids = {id(h.entry) for h in hits}
    return hits[0] if len(ids) == 1 else None


def _ambiguous(hits: list[KBHit], span: Span) -> Actor:
    names = sorted({getattr(h.entry, "name", "?") for h in hits})
    return Actor(span.text, span.start_char, span.end_char, None, None, None, None,
                 f"ambiguous: could be {' or '.join(names[:4])}; not guessed")


def _conjuncts(head: Token) -> list[Token]:
    out: list[Token] = []
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in {"PROPN", "NOUN", "PRON"}:
            out.append(child)
            out.extend(_conjuncts(child))
    return out


def _phrase_tokens(head: Token) -> list[Token]:
    """The head with its modifiers (compounds, adjectives, possessives, 'of X', appositions)."""
    keep = [head]
    for child in head.children:
        of_phrase = child.dep_ == "prep" and child.lower_ == "of"
        if child.dep_ in PHRASE_DEPS or of_phrase or _place_modifier(child):
            keep.extend(child.subtree)
        elif child.dep_ == "appos" and child.pos_ in {"PROPN", "NOUN"}:
            keep.extend(_phrase_tokens(child))
    return sorted(set(keep), key=lambda t: t.i)


def _counted_noun(head: Token) -> Token | None:
    """The X of 'thousands of X', 'participants in X'; nested ('tens of thousands of X') too."""
    if head.lower_ not in _words(head, "quantity_heads") and head.pos_ != "NUM":
        return None
    member = head.lower_ in _words(head, "member_heads")
    for prep in head.children:
        if prep.dep_ == "prep" and (prep.lower_ == "of" or member and prep.lower_ == "in"):
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    return _counted_noun(obj) or obj
    return None


def _is_the_country(tok: Token) -> bool:
    dets = {c.lower_ for c in tok.children if c.dep_ == "det"}
    return tok.lemma_.lower() in _words(tok, "country_nouns") and tok.tag_ == "NN" and dets == {"the"}


def _under_place_modifier(tok: Token, head: Token) -> bool:
    return any(_place_modifier(c) and tok in c.subtree for c in head.children)


def _place_modifier(prep: Token) -> bool:
    """'students IN DHAKA', 'opposition supporters IN KINSHASA': a place that says whose they are."""
    if prep.dep_ != "prep" or prep.lower_ not in _words(prep, "place_modifier_preps"):
        return False
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if objs and objs[0].pos_ == "NOUN" and any(c.dep_ == "amod" and c.ent_type_ in {"NORP", "GPE"}
                                               for c in objs[0].children):
        return True  # "students AT SERBIAN UNIVERSITIES"
    return bool(objs) and objs[0].ent_type_ == "GPE" and not list(objs[0].children)[1:]


def _span_of(tokens: list[Token]) -> Span:
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1]


def _entities(tokens: list[Token]) -> list[Span]:
    seen: list[Span] = []
    for tok in tokens:
        if tok.ent_type_ in ENTITY_LABELS and tok.ent_iob_ in {"B", "I"}:
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None and ent not in seen:
                seen.append(ent)
    return seen


def _ngrams(tokens: list[Token], longest: int = 5) -> list[str]:
    """Contiguous word n-grams of the phrase, longest first."""
    texts = [t.text for t in tokens]
    out: list[str] = []
    for n in range(min(longest, len(texts)), 0, -1):
        for i in range(len(texts) - n + 1):
            if tokens[i + n - 1].i - tokens[i].i == n - 1:
                out.append(" ".join(texts[i : i + n]))
    return out


def _role_terms(tok: Token) -> list[str]:
    terms = []
    left = tok.nbor(-1) if tok.i > 0 else None
    if left is not None and left.dep_ in {"compound", "amod"}:
        terms.append(f"{left.lower_} {tok.lower_}")
    terms.extend([tok.lower_, tok.lemma_.lower()])
    return terms


def _titled_name(head: Token, tokens: list[Token]) -> bool:
    """An unknown person named with a title ("Judge Alejandro Rivera"): coded from the title."""
    return head.ent_type_ == "PERSON" and any(t.i < head.i and t.ent_type_ != "PERSON" and t.pos_ in
                                              {"PROPN", "NOUN"} for t in tokens)


def _generic_role_phrase(head: Token, tokens: list[Token]) -> bool:
    """A role phrase without names ("police", "rebel fighters", "the army"), not "his aides"."""
    if head.pos_ == "PROPN" or any(t.ent_type_ in ENTITY_LABELS for t in tokens):
        return False
    return not any(t.dep_ == "poss" and t.tag_ == "PRP$" for t in tokens)


def _is_pair_reference(head: Token) -> bool:
    """'both leaders', 'the two countries', 'both sides', 'the sides'."""
    if head.lemma_.lower() not in _words(head, "pair_heads") or head.tag_ not in {"NNS", "NNPS"}:
        return False
    mods = {c.lower_ for c in head.children}
    return bool(mods & _words(head, "pair_determiners")) or (head.lemma_.lower() == "side" and "the" in mods)
