"""Argument candidates: the heads that may fill a reading's target, each with the kind of evidence
that makes it a candidate and one score (`score`), ranked best first; and the resolution of source
and target heads to actors, recorded for `dateline explain`.

The coder takes the best-scored target candidate that names an actor. The scores follow how
directly the parse ties a head to the act: the rule's own preposition, an indirect object, the
direct object, the object's owner, the subject of a small clause ("let INSPECTORS return"), the usual
target prepositions in the order of
`target_preps` (data/lexicon/coder.yaml), then heads one step further (across a border, the owner or
partner of a candidate, a preposition inside the object).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from dateline.actors.resolver import Resolver
from dateline.events import frames
from dateline.events.trace import Argument
from dateline.events.words import words_of
from dateline.records import Actor

# evidence kinds, strongest first; a preposition's own rank in `target_preps` lowers its score a little
KIND_SCORES = {
    "rule preposition": 10.0, "indirect object": 9.0, "direct object": 8.0, "owner of the object": 7.0,
    "rule preposition, attached lower": 6.8, "subject of a small clause": 6.5, "usual preposition": 6.0,
    "addressee of the message": 5.5, "across a border": 5.0, "owner of a candidate": 4.0, "partner of a candidate": 3.0,
    "inside the object, rule preposition": 2.5, "inside the object": 2.0,
}


@dataclass(frozen=True)
class Candidate:
    head: Token
    kind: str
    score: float


def score(kind: str, prep_rank: int = 0) -> float:
    """The one scoring function for target candidates: the kind's weight, less 0.01 per place of
    its preposition in `target_preps`."""
    return KIND_SCORES[kind] - 0.01 * prep_rank


def target_heads(verb: Token, where: str | None, obj_is_trigger: bool,
                 topic: bool = False) -> tuple[list[Token], dict[int, tuple[str, float]]]:
    """Candidate target heads of a verbal reading, best first, and each head's kind and score."""
    ranked = rank_targets(verb, where, obj_is_trigger, topic)
    return [c.head for c in ranked], {c.head.i: (c.kind, c.score) for c in ranked}


def rank_targets(verb: Token, where: str | None, obj_is_trigger: bool, topic: bool = False) -> list[Candidate]:
    """Every candidate target head with its score, best first, each head once (at its best score).

    `where` is the rule's target: a preposition, "obj" (the direct object and its owners only),
    "none" (no target) or None; `topic`: the direct object is what is talked about, never the target.
    """
    if where == "none":
        return []
    found = _direct_candidates(verb, where, obj_is_trigger, topic)
    if where != "obj":
        found += _further_candidates(verb, where, [c.head for c in found])
    ranked = sorted(enumerate(found), key=lambda item: (-item[1].score, item[0]))
    seen: set[int] = set()
    out = []
    for _, cand in ranked:
        if cand.head.i not in seen:
            seen.add(cand.head.i)
            out.append(cand)
    return out


def _direct_candidates(verb: Token, where: str | None, obj_is_trigger: bool, topic: bool) -> list[Candidate]:
    direct = frames.direct_object(verb)
    out: list[Candidate] = []
    if where == "obj":  # "banned THE COUNTRY'S OPPOSITION PARTY", "expelled the RUSSIAN ambassador"
        out += [Candidate(d, "indirect object", score("indirect object"))
                for d in frames.children(verb, {"dative", "iobj"}) if d.pos_ in {"PROPN", "NOUN"}]
        if direct is not None:
            out.append(Candidate(direct, "direct object", score("direct object")))
            out += [Candidate(o, "owner of the object", score("owner of the object")) for o in owners(direct)]
        return out
    holders = [verb] + ([direct] if direct is not None else [])
    if where and where != "prep":
        out += [Candidate(o, "rule preposition", score("rule preposition"))
                for h in holders for _, o in frames.prep_objects(h, {where})]
        lower = [o for h in holders for _, o in frames.prep_objects(h)]
        kind = "rule preposition, attached lower"  # "shared information on smuggling WITH ITS COUNTERPARTS"
        out += [Candidate(o, kind, score(kind)) for h in lower for _, o in frames.prep_objects(h, {where})]
    out += [Candidate(d, "indirect object", score("indirect object"))
            for d in frames.children(verb, {"dative", "iobj"}) if d.pos_ in {"PROPN", "NOUN", "PRON"}]
    if direct is not None and not obj_is_trigger and not topic:
        out.append(Candidate(direct, "direct object", score("direct object")))
    out += [Candidate(s, "subject of a small clause", score("subject of a small clause")) for s in _small_clause(verb)]
    if direct is not None and (obj_is_trigger or not topic):
        out += [Candidate(o, "owner of the object", score("owner of the object")) for o in owners(direct)]
    for rank, prep in enumerate(words_of(verb).target_preps):
        out += [Candidate(o, "usual preposition", score("usual preposition", rank))
                for h in holders for _, o in frames.prep_objects(h, {prep})]
    return out


def _small_clause(verb: Token) -> list[Token]:
    """The subject of a clause the verb governs with no 'that': "let IAEA INSPECTORS return", "helped KYIV rebuild"."""
    clauses = [c for c in frames.children(verb, {"ccomp", "xcomp"})
               if not frames.children(c, {"mark"}) and c.pos_ in {"VERB", "AUX"}]
    return [s for c in clauses for s in frames.children(c, {"nsubj"}) if s.pos_ in {"PROPN", "NOUN"}]


def _further_candidates(verb: Token, where: str | None, found: list[Token]) -> list[Candidate]:
    """Candidates one step past the usual ones."""
    direct = frames.direct_object(verb)
    holders = [verb] + ([direct] if direct is not None else [])
    near = [o for h in holders for _, o in frames.prep_objects(h)]  # "massed troops NEAR its border with X"
    out = [Candidate(n, "across a border", score("across a border"))
           for n in map(_border_neighbour, found + near) if n is not None]
    # "sent GERMANY a note demanding reparations", "wrote to THE COUNCIL a letter urging"
    out += [Candidate(a, "addressee of the message", score("addressee of the message")) for a in _addressees(verb)]
    # "an investigation into abuses BY IRANIAN forces"
    out += [Candidate(owner, "owner of a candidate", score("owner of a candidate"))
            for o in found for owner in owners(o)]
    # "from the talks WITH HAMAS"
    out += [Candidate(w, "partner of a candidate", score("partner of a candidate"))
            for o in found for _, w in frames.prep_objects(o, {"with"})]
    # "provide 500 million euros IN assistance FOR AFGHANISTAN", "its role AS A MEDIATOR between"
    inner_preps = set(words_of(verb).inner_preps)
    inner = [o for h in holders for _, o in frames.prep_objects(h, inner_preps)]  # "provide $5bn IN loans TO Kyiv"
    if where and where != "prep":
        kind = "inside the object, rule preposition"
        out += [Candidate(o, kind, score(kind)) for h in inner for _, o in frames.prep_objects(h, {where})]
    for rank, prep in enumerate(words_of(verb).target_preps):
        out += [Candidate(o, "inside the object", score("inside the object", rank))
                for h in inner for _, o in frames.prep_objects(h, {prep})]
    return out


def _addressees(verb: Token) -> list[Token]:
    """Whom a message is sent to, for a participle on a message noun ('sent GERMANY a note demanding')."""
    message = verb.head
    if verb.dep_ != "acl" or message.lemma_.lower() not in frames.words(message, "message_nouns"):
        return []
    sender = message.head if message.dep_ in frames.OBJECT_DEPS else None
    if sender is None:
        return []
    return frames.children(sender, {"dative", "iobj"}) + [o for _, o in frames.prep_objects(sender, {"to"})]


def _border_neighbour(head: Token) -> Token | None:
    """'its border WITH UKRAINE': the country across the border."""
    if head.lemma_.lower() not in words_of(head).border_nouns:
        return None
    return next((o for _, o in frames.prep_objects(head, {"with"})), None)


def _actor_like(tok: Token) -> bool:
    return tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or tok.pos_ in {"PROPN", "PRON", "NOUN"}


def owners(noun: Token) -> list[Token]:
    """Whose proposal, offer or call it is: "a FRENCH proposal", "TRUMP's offer", "an offer of talks
    from THE UNITED STATES", "a plan drawn up by ASEAN", "a ruling by THE EU's top court"."""
    out = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound"} and _actor_like(c)
           and c.tag_ != "PRP$"]
    for adj in (c for c in noun.children if c.dep_ == "amod" and c.pos_ == "ADJ"):  # "a FRENCH-AMERICAN plan"
        out += [g for g in adj.children if g.dep_ in {"amod", "conj"} and g.ent_type_ == "NORP"]
    nested = [noun] + [o for _, o in frames.prep_objects(noun, {"of"})]
    out += [o for n in nested for _, o in frames.prep_objects(n, set(words_of(noun).owner_preps))]
    for acl in (c for c in noun.children if c.dep_ == "acl"):
        out += [o for _, o in frames.prep_objects(acl, {"by"})]
    return out


def noun_source(noun: Token) -> Token | None:
    """Actors carried by the noun itself: THEIR phone call, RUSSIA's attack, ISRAELI strikes."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ in {"amod", "compound"} and child.ent_type_ in {"NORP", "GPE", "ORG"}:
            return child
    for word, obj in frames.prep_objects(noun, {"by"}):
        if word == "by":
            return obj
    return None


# -- resolving heads to actors -------------------------------------------------------------------

# source evidence kinds, strongest first: how directly the parse makes the head the doer of the act
SOURCE_KIND_SCORES = {
    "subject": 10.0, "agent ('by')": 9.0, "owner": 8.0, "modifier": 7.0, "other": 5.0,
}
SOURCE_KINDS = {"nsubj": "subject", "nsubjpass": "subject", "csubj": "subject", "poss": "owner",
                "amod": "modifier", "compound": "modifier", "nmod": "modifier"}


def source_candidate(head: Token) -> tuple[str, float]:
    """The kind of evidence that makes `head` a source candidate, and its score."""
    kind = "agent ('by')" if head.dep_ == "pobj" and head.head.lower_ == "by" else SOURCE_KINDS.get(head.dep_, "other")
    return kind, SOURCE_KIND_SCORES[kind]


def resolve_sources(resolver: Resolver, heads: list[Token], tried: list[Argument]) -> list[Actor]:
    """The coded source actors, from the best-scored candidate head on (`source_candidate`); a
    pronoun in reported speech is its speaker, and one in an adverbial clause the subject of the
    clause it modifies, when they agree (`reported_speaker`)."""
    out: list[Actor] = []
    ranked = sorted(heads, key=lambda h: -source_candidate(h)[1])
    for rank, head in enumerate(ranked):
        speaker = reported_speaker(head, lambda t: _person_role(resolver, t))
        found = [a for a in resolver.resolve(speaker) if a.code] if speaker is not None else []
        found = found or [a for a in resolver.resolve(head) if a.code]
        kind, value = source_candidate(head)
        kind = f"{kind}, its antecedent" if speaker is not None and found else kind
        tried.append(argument("source", head, rank, len(heads), found, (kind, value)))
        out += [a for a in found if a not in out]
    return out


def _person_role(resolver: Resolver, noun: Token) -> bool:
    role = resolver.kb.role(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
    return role is not None and role.person


def evidence_score(source: list[Token], evidence: dict[int, tuple[str, float]]) -> float:
    """The evidence term of a reading's score, below 1 so that a rule's specificity decides first:
    half for a source candidate, and up to half for the best target candidate's score."""
    best_target = max((value for _, value in evidence.values()), default=0.0)
    return (0.5 if source else 0.0) + 0.049 * min(best_target, 10.0)


def argument(role: str, head: Token, rank: int, count: int, found: list[Actor],
             evidence: tuple[str, float] | None = None) -> Argument:
    """A tried argument candidate, with its kind and score (a head the frame gave: its place in the
    frame's order)."""
    kind, value = evidence or ("frame", float(count - rank))
    return Argument(role, head.text, rank, value, tuple(a.code or "" for a in found), kind)


def reported_speaker(pronoun: Token, person_role: Callable[[Token], bool] = lambda t: False) -> Token | None:
    """'the rebels said THEY would release him', 'Iran said IT will retaliate', 'Putin said HE
    was ready', 'the prime minister said HE had asked': the pronoun of a reported clause stands for the
    speaker it agrees with, the pronoun subject of an adverbial or conjoined clause for the subject of
    the clause it hangs on ('students held up signs as THEY marched'); `person_role` tells a title
    of one person ('minister') from a body."""
    lower = pronoun.lower_
    singular, neuter = frames.words(pronoun, "pronouns_singular"), frames.words(pronoun, "pronouns_neuter")
    if pronoun.pos_ != "PRON" or lower not in singular | neuter | frames.words(pronoun, "pronouns_plural"):
        return None
    speech = frames.speech_head(pronoun)
    speaker = frames.subject_of(speech) if speech is not None else _governing_subject(pronoun)
    if speaker is None or speaker.pos_ == "PRON":
        return None
    plural = speaker.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in speaker.children)
    person = speaker.ent_type_ == "PERSON" or not plural and person_role(speaker)
    if lower in singular:
        return speaker if person else None
    if lower in neuter:
        return speaker if not person and not plural else None
    return speaker if plural or speaker.ent_type_ in {"ORG", "GPE", "NORP"} else None


def _governing_subject(pronoun: Token) -> Token | None:
    """The subject of the clause that governs the pronoun's own: 'students held up signs as THEY
    marched', 'the rebels seized the town after THEY overran the base'."""
    verb = pronoun.head
    if pronoun.dep_ != "nsubj" or verb.dep_ not in {"advcl", "conj"} or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    return frames.subject_of(verb.head)


def attribution(anchor: Token, resolver: Resolver) -> str | None:
    """Who the act is reported by ("..., the ministry SAID"); the speaker becomes known to the
    article, so a later "he" can refer to them."""
    speech = frames.speech_head(anchor)
    who = frames.subject_of(speech) if speech is not None else frames.according_to(anchor)
    if who is None:
        return None
    resolver.note_speaker(who)
    tokens = [t for t in who.subtree if t.dep_ not in {"relcl", "acl", "punct"}]
    return who.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else who.text
