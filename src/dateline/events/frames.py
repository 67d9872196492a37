"""Syntactic frames over a spaCy dependency parse: subjects, objects, prepositions, clauses.

Plain functions on tokens, shared by the event coder and date/place scoping. No knowledge of
CAMEO here: only where the arguments of a predicate are in the parse.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from dateline.nlp import lexicon_of

# The words live in data/lexicon/*.yaml and are read from the lexicon the parse carries
# (`nlp.lexicon_of`: the settings' lexicon when the coder parsed it); dependency labels stay in code.
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "csubjpass"}
OBJECT_DEPS = {"dobj", "obj"}
INHERIT_SUBJECT_DEPS = {"conj", "xcomp", "advcl", "pcomp", "acl", "acomp"}


def words(tok: Token, name: str) -> frozenset[str]:
    """The lexicon's word set `name`, from the lexicon of the parse `tok` belongs to."""
    return lexicon_of(tok).words(name)


def speech_verbs(tok: Token) -> frozenset[str]:
    """The verbs of saying ("said", "told"), from the lexicon of `tok`'s parse."""
    return lexicon_of(tok).words("speech_verbs")


def children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def prep_objects(tok: Token, preps: set[str] | None = None) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs under `tok`: "talks WITH Khan", "attack ON Kyiv"."""
    for child in tok.children:
        if child.dep_ not in {"prep", "agent", "dative"} or child.pos_ not in {"ADP", "SCONJ"}:
            continue
        word = child.lower_
        if preps is not None and word not in preps:
            continue
        for obj in child.children:
            if obj.dep_ in {"pobj", "pcomp"}:
                yield word, obj


def passive(verb: Token) -> bool:
    """Passive voice, including reduced relatives ("the Taliban, OUTLAWED in Russia")."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def passive_patients(verb: Token) -> list[Token]:
    """Who a passive verb acts on: its passive subject, or the noun a reduced relative modifies
    ("six people KILLED in the attack")."""
    subjects = children(verb, PASSIVE_SUBJECT_DEPS)
    if subjects or verb.dep_ != "acl" or verb.tag_ != "VBN" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return subjects
    if any(c.dep_ == "prep" and c.lower_ in words(verb, "state_preps") for c in verb.children):
        return []  # a state, not an act: "a lawyer detained SINCE the spring"
    return [verb.head]


def _misparsed_subject(verb: Token) -> Token | None:
    """'After X announced ...' parsed with 'after' as a preposition: X is the subject."""
    markers = words(verb, "clause_markers")
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in markers and child.i < verb.i:
            objs = [o for o in child.children if o.dep_ == "pobj"]
            if objs and objs[0].i < verb.i:
                return objs[0]
    return None


def _author(message: Token) -> Token | None:
    """Who speaks through a message noun (message_nouns): "the ministry issued a STATEMENT condemning",
    "a UN resolution demanding" - its owner, else the subject of the verb it is the object of."""
    if message.lemma_.lower() not in words(message, "message_nouns"):
        return None
    owner = next((c for c in message.children if c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN"), None)
    if owner is not None:
        return owner
    if message.dep_ in OBJECT_DEPS and message.head.pos_ == "VERB":
        return subject_of(message.head)
    return None


def _object_controller(comp: Token) -> Token | None:
    """Object control: 'urged ISRAEL and Hamas to resume talks', 'asked SUDAN to allow': the object
    of the governing verb, said before the infinitive, is who is to act."""
    if comp.dep_ != "xcomp":
        return None
    objs = [o for o in children(comp.head, {"dobj"}) if o.i < comp.i and o.pos_ in {"PROPN", "NOUN"}]
    return objs[0] if objs else None


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject, inherited through conjunctions and control ("X agreed to Y")."""
    seen: set[int] = set()
    tok: Token | None = verb
    while tok is not None and tok.i not in seen:
        seen.add(tok.i)
        subj = children(tok, SUBJECT_DEPS)
        if subj:
            return subj[0]
        misparsed = _misparsed_subject(tok)
        if misparsed is not None:
            return misparsed
        if passive(tok):
            return None
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        if tok.dep_ == "relcl" and tok.head.pos_ in {"NOUN", "PROPN", "PRON"} and not infinitive:
            return tok.head
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in {"NOUN", "PROPN"}:
            return _author(tok.head) or tok.head  # "a European Union statement CRITICISING China": the statement's
        if tok.dep_ == "acl" and tok.tag_ in {"VBD", "VBZ", "VBP"} and tok.head.dep_ == "ROOT" \
                and tok.head.pos_ in {"NOUN", "PROPN"}:  # misparse: "[Parties]ROOT [called]acl on X"
            return tok.head
        if tok.dep_ == "relcl" and infinitive:  # "converged for a rally TO PROTEST": the ralliers
            tok = _verbal_head(tok.head)
            continue
        controller = _object_controller(tok) if infinitive else None
        if controller is not None:
            return controller
        if tok.dep_ in INHERIT_SUBJECT_DEPS and tok.head.i != tok.i:
            tok = _verbal_head(tok.head)
            continue
        return None
    return None


def _verbal_head(tok: Token) -> Token | None:
    """The nearest verb at or above `tok` (for "embarked ON withdrawing" the verb is embarked)."""
    while tok.pos_ not in {"VERB", "AUX"}:
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return tok


def agent_of(verb: Token) -> Token | None:
    for word, obj in prep_objects(verb, {"by"}):
        if word == "by":
            return obj
    return None


def direct_object(verb: Token) -> Token | None:
    """The direct object; through quantities: 'supplied HUNDREDS of drones' -> drones."""
    objs = children(verb, OBJECT_DEPS)
    if objs:
        return counted(objs[0])
    if passive(verb):
        subj = passive_patients(verb)
        return counted(subj[0]) if subj else None  # 'a LOT of weapons were seized' -> weapons
    return None


def counted(obj: Token) -> Token:
    """What a quantity counts: 'HUNDREDS of drones' -> drones; other nouns are themselves."""
    quantities = words(obj, "quantity_nouns")
    if obj.lower_ in quantities or obj.lemma_.lower() in quantities or obj.pos_ == "NUM":
        for prep in obj.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        return counted(pobj)
    return obj


def particle(verb: Token) -> str | None:
    """The verb's particle ("pull OUT"); an adverb right after the verb counts ("stepped DOWN")."""
    prts = [c for c in verb.children if c.dep_ == "prt"]
    if prts:
        return prts[0].lower_
    particles = words(verb, "particles")
    for c in verb.children:  # "drove 700,000 people OUT of the state"
        if c.dep_ == "prep" and c.lower_ in particles and any(g.lower_ == "of" for g in c.children):
            return c.lower_
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if after is not None and after.tag_ == "RP" and after.lower_ in particles:
        return after.lower_  # "handed OVER 15 prisoners": the parser hung the particle on the number
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in particles and 0 < c.i - verb.i <= 2:
            return c.lower_
    return None


def is_negated(tok: Token) -> bool:
    negations = words(tok, "negations")
    return any(c.dep_ == "neg" or c.lower_ in negations and c.dep_ == "det" for c in tok.children)


def modality_of(verb: Token) -> str:
    """asserted, intended (future/plan), hypothetical (modal, conditional) or question."""
    aux = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in verb.children):
        return "hypothetical"
    reported = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in speech_verbs(verb)
    if aux & words(verb, "hypothetical_aux") and not (reported and aux & {"would"}):
        return "hypothetical"
    if aux & {"would"}:
        return "intended"  # "Iraq said it WOULD allow ...": the future of reported speech
    if aux & words(verb, "future_aux") or "going" in aux:
        return "intended"
    sent = verb.sent
    if sent.text.rstrip().endswith("?"):
        return "question"
    return governed_modality(verb) or "asserted"


# Words whose complement is not (yet) a fact: "urged Israel to RESUME talks", "was ready to HOST
# talks", "allowed UN agencies to DELIVER food", "Trump's offer to MEDIATE"; and accusations, whose
# complement is alleged: "accused France of SUPPLYING weapons".
# (lexicon sets nonfactual_governors, alleging_governors; complement_preps: "accused X OF shelling",
# "calls FOR talks")
COMPLEMENT_DEPS = {"xcomp", "ccomp", "pcomp", "prep", "acl", "dobj", "acomp"}


def governed_modality(tok: Token) -> str | None:
    """'hypothetical' or 'alleged' when `tok` is the complement of a word that does not assert it."""
    lex = lexicon_of(tok)
    current = tok
    for _ in range(4):
        if current.dep_ not in COMPLEMENT_DEPS or current.head.i == current.i:
            return None
        if current.dep_ == "prep" and current.lower_ not in lex.words("complement_preps"):
            return None  # "pledged to increase imports DURING his visit": the visit is a fact
        current = current.head
        lemma = current.lemma_.lower()
        if lemma in lex.words("alleging_governors"):
            return "alleged"
        if lemma in lex.words("nonfactual_governors"):
            return "hypothetical"
    return None


def clause_path(tok: Token) -> Iterator[Token]:
    """`tok` and the heads above it within the same reported clause.

    Crosses conjunctions, control and purpose clauses, nominal heads ("a decision to withdraw") and
    relative clauses into the noun they modify; stops at reported speech (ccomp) and at adverbial
    clauses that are not purpose infinitives.
    """
    current = tok
    yield current
    while current.head.i != current.i:
        dep = current.dep_
        if dep in {"ccomp", "parataxis"}:
            return
        if dep == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            return
        current = current.head
        yield current


def speech_head(tok: Token) -> Token | None:
    """The verb of saying that reports the clause of `tok` ("the Kremlin SAID ... X agreed")."""
    speech = speech_verbs(tok)
    current = tok
    while current.head.i != current.i:
        dep = current.dep_
        head = current.head
        if dep in {"ccomp", "parataxis"} and head.lemma_.lower() in speech:
            return head
        if dep in {"ccomp", "parataxis", "advcl", "relcl"} and head.lemma_.lower() not in speech:
            return None
        current = head
    for child in tok.sent.root.children:
        if child.lemma_.lower() not in speech or child.i == tok.i:
            continue
        marks = {c.lower_ for c in child.children if c.dep_ in {"mark", "prep"}}
        if (child.dep_ == "parataxis" and child.i > tok.i) or (child.dep_ == "advcl" and "as" in marks):
            return child
    return None


def according_to(tok: Token) -> Token | None:
    """The X of "according to X" in the sentence of `tok`."""
    for t in tok.sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "to":
            for obj in t.nbor(1).children:
                if obj.dep_ == "pobj":
                    return obj
    return None
