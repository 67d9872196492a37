"""Trigger readings: every candidate reading of each word of a sentence (one per trigger table whose
rule matches its frame: control verb, verb, control noun, noun, obligation), each a `Draft` that
names its rule and carries a score (the table's weight plus the rule's specificity) and the words it
takes; then one resolution step keeps, word by word, the best reading of each word not taken by an
earlier reading. Arguments come as ranked candidate heads (`events.arguments`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from dateline.actors.kb import KnowledgeBase
from dateline.events import frames, noise, rules, statements
from dateline.events.arguments import evidence_score, noun_source, target_heads
from dateline.events.draft import Draft
from dateline.events.nominal import has_compound, noun_reading, place_like
from dateline.events.patterns import Control, Patterns, VerbRule
from dateline.events.trace import Fate, Trace
from dateline.events.words import words_of

# a control reading ("agreed TO MEET") over a plain verb reading, a control noun over a plain noun
TABLE_SCORES = {"control": 500.0, "verb": 400.0, "control noun": 300.0, "noun": 200.0, "obligation": 100.0,
                "statement": statements.SCORE}


@dataclass(frozen=True)
class TriggerFinder:
    patterns: Patterns
    kb: KnowledgeBase
    with_statements: bool = True  # statements (CAMEO 01) are events; False: their readings are left out

    def is_candidate(self, tok: Token) -> bool:
        """A word that some trigger table lists for its part of speech: a candidate trigger."""
        lemma, pos = tok.lemma_.lower(), tok.pos_
        bundled_only = lemma not in self.patterns.user_lemmas
        return ((pos in {"VERB", "ADJ"} and lemma in self.patterns.control)
                or (pos == "VERB" and (lemma in self.patterns.verbs or bundled_only and (
                    lemma in frames.speech_verbs(tok) or self.with_statements and lemma in statements.verbs_of(tok))))
                or (pos == "NOUN" and lemma in self.patterns.control_nouns)
                or (pos in {"NOUN", "PROPN"} and lemma in self.patterns.nouns))

    def drafts(self, sent: Span, trace: Trace | None = None) -> list[Draft]:
        """The chosen readings of a sentence (`resolve` over `candidates`)."""
        return [rules.violent_protest(d) for d in self.resolve(sent, self.candidates(sent), trace)]

    def candidates(self, sent: Span) -> dict[int, tuple[list[Draft], frozenset[int]]]:
        """Every reading of every word of the sentence, by token index, with the words taken even
        when no reading results (a control noun whose complement was read but that has no owner)."""
        out = {}
        for tok in sent:
            taken: set[int] = set()
            readings = self.readings(tok, taken)
            if readings or taken:
                out[tok.i] = (readings, frozenset(taken))
        return out

    def resolve(self, sent: Span, candidates: dict[int, tuple[list[Draft], frozenset[int]]],
                trace: Trace | None = None) -> list[Draft]:
        """Word by word: a word an earlier chosen reading took is no trigger; otherwise its
        best-scored reading is chosen (and dropped if it is noise)."""
        drafts: list[Draft] = []
        covered: set[int] = set()
        for tok in sent:
            readings, taken = candidates.get(tok.i, ([], frozenset()))
            if tok.i in covered:
                if trace is not None and self.is_candidate(tok):
                    trace.add(tok, Fate.MERGED, detail="the complement or object of another candidate's act")
                continue
            covered |= taken
            live = [r for r in readings if not r.vetoed]
            if not live:
                if trace is not None and self.is_candidate(tok):
                    self._trace_no_reading(tok, readings, trace)
                continue
            readings = live
            best = max(readings, key=lambda d: d.score)
            covered |= best.covers
            if trace is not None:
                for other in (r for r in readings if r is not best):
                    trace.add(tok, Fate.MERGED, other.rule, other.code, f"a better reading of the word: {best.rule}",
                              score=other.score)
            if not noise.is_noise(best.trigger):
                drafts.append(best)
            elif trace is not None:
                trace.add(best.trigger, Fate.NOISE, best.rule, best.code, "sport, markets or a figurative use",
                          score=best.score)
        return drafts

    def readings(self, tok: Token, taken: set[int]) -> list[Draft]:
        """The readings of one word, one per table whose rule matches its frame."""
        lemma, pos = tok.lemma_.lower(), tok.pos_
        found = []
        if pos in {"VERB", "ADJ"} and lemma in self.patterns.control:
            found.append(self._control(tok, self.patterns.control[lemma]))
        if pos == "VERB" and lemma in self.patterns.verbs:
            verb = self._verb(tok)
            if verb is not None and lemma not in self.patterns.user_lemmas:  # a user's dictionary codes its
                verb = rules.stated_intent(verb, self.patterns)  # words as it says, future or not (PETRARCH)
            found.append(verb)
        if pos == "NOUN" and lemma in self.patterns.control_nouns:
            found.append(self._control_noun(tok, self.patterns.control_nouns[lemma], taken))
        if pos in {"NOUN", "PROPN"} and lemma in self.patterns.nouns:
            found.append(noun_reading(tok, self.patterns, self._actor_like))
        bundled_only = lemma not in self.patterns.user_lemmas  # a user's word: the user's rules alone
        if bundled_only and lemma in frames.speech_verbs(tok) and pos == "VERB":
            found.append(rules.obligation(tok))
        if bundled_only and pos == "VERB" and lemma in statements.verbs_of(tok):
            found += [statements.statement(tok, self.kb), statements.no_comment(tok)]
        readings = [d for d in found if d is not None]
        if not self.with_statements and readings and statements.is_statement(max(readings, key=score).code):
            return []  # --no-statements: a word read best as a statement is left out, not read otherwise
        return readings

    def _trace_no_reading(self, tok: Token, readings: list[Draft], trace: Trace) -> None:
        """A candidate word without a reading: no rule matched, or a rule ruled its reading out."""
        vetoed = next(iter(readings), None)
        if vetoed is None:
            trace.add(tok, Fate.NO_RULE, detail=self._no_rule(tok))
        else:
            effect = rules.RULES[vetoed.vetoed].effect
            trace.add(tok, Fate.RULED_OUT, vetoed.rule, vetoed.code, f"rule {vetoed.vetoed!r}: {effect}",
                      score=vetoed.score)

    def _no_rule(self, tok: Token) -> str:
        lemma = tok.lemma_.lower()
        if not self.with_statements and lemma in statements.verbs_of(tok):
            return "a statement (CAMEO 01) or no reading: statements are left out (--no-statements)"
        speech = lemma in frames.speech_verbs(tok)
        if speech and lemma not in self.patterns.verbs and lemma not in self.patterns.control:
            if self.with_statements and lemma in statements.verbs_of(tok):
                return "a statement verb with no subject, negated, passive or with an object that is not what is said"
            return "a speech verb whose clause tells no obligation ('must', 'should') of a named actor"
        return f"no rule for {lemma!r} as {tok.pos_} matches this frame (object, particle, preposition, complement)"

    # -- verbs -------------------------------------------------------------------------------------

    def _verb(self, verb: Token) -> Draft | None:
        rule = self._match_verb(verb)
        if rule is None:
            return None
        obj = frames.direct_object(verb)
        covers = frozenset([obj.i]) if obj is not None and rule.obj else frozenset()
        source, target, evidence = self._verb_arguments(verb, rule)
        name = _rule_name("verb", verb, self.patterns.verbs[verb.lemma_.lower()].index(rule))
        said = before_words(verb, rule.before) or set()  # "did NOT clash": the rule's code says the negation
        negated = frames.is_negated(verb) and not any(c.i in said for c in verb.children if c.dep_ == "neg")
        draft = Draft(verb, verb, rule.code, source, target, rule.reciprocal,
                      frames.modality_of(verb), negated,
                      rule.place_obj or (rule.target in words_of(verb).place_preps), name,
                      TABLE_SCORES["verb"] + rule.specificity + evidence_score(source, evidence), covers, evidence)
        return rules.passive_posture(rules.mass_killing(draft, obj))

    def _match_verb(self, verb: Token) -> VerbRule | None:
        obj = frames.direct_object(verb)
        prt = frames.particle(verb)
        preps = {c.lower_ for c in verb.children if c.dep_ in {"prep", "agent", "prt"}}
        prep_objs = {form for _, o in frames.prep_objects(verb) for form in (o.lemma_.lower(), o.lower_)}
        obj_forms = {obj.lemma_.lower(), obj.lower_} if obj is not None else set()  # "data", lemma "datum"
        for rule in self.patterns.verbs[verb.lemma_.lower()]:
            if rule.prt and rule.prt != prt:
                continue
            if rule.prep and not rule.prep & preps:
                continue
            if rule.prep_obj and not rule.prep_obj & prep_objs:
                continue
            if rule.form and verb.lower_ not in rule.form:
                continue
            if rule.joint_subject and not _joint(frames.subject_of(verb)):
                continue
            if rule.before and before_words(verb, rule.before) is None:
                continue
            if rule.after and words_after(verb, rule.after) is None:
                continue
            if (rule.obj or rule.obj_any or rule.person_obj or rule.place_obj) and obj is None:
                continue
            if rule.obj and not rule.obj & obj_forms:
                continue
            if rule.compound and not has_compound(obj, rule.compound):
                continue
            if rule.person_obj and not self._actor_like(obj):
                continue
            if rule.place_obj and (not place_like(obj) or prt not in {None, "over"}):
                continue
            return rule
        return None

    def _actor_like(self, tok: Token) -> bool:
        """A noun phrase that can name an actor: a name, a pronoun or a role word ("police")."""
        if tok.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} or tok.pos_ in {"PROPN", "PRON"}:
            return True
        if tok.pos_ == "NUM":  # a bare count of people: "police detained 304"
            return not any(c.pos_ in {"NOUN", "PROPN"} for c in tok.children)
        if tok.pos_ != "NOUN":
            return False
        counted = frames.counted(tok)
        if counted is not tok:  # "DOZENS of Chinese nationals"
            return self._actor_like(counted)
        if (self.kb.role(tok.lower_) or self.kb.role(tok.lemma_)) is not None:
            return True
        return tok.lemma_.lower() in words_of(tok).person_nouns  # "the opposition CANDIDATE", "Chinese NATIONALS"

    def _verb_arguments(self, verb: Token, rule: VerbRule) -> tuple[list[Token], list[Token], dict]:
        if frames.passive(verb):
            agent = frames.agent_of(verb)
            source = [agent] if agent is not None else []
            patient = frames.passive_patients(verb)
            target = patient if not rule.obj else []
            return source, target, {}
        subj = frames.subject_of(verb)
        heads, evidence = target_heads(verb, rule.target, bool(rule.obj), rule.topic)
        return ([subj] if subj is not None else []), heads, evidence

    # -- control verbs and nouns -------------------------------------------------------------------

    def _control(self, verb: Token, control: Control) -> Draft | None:
        comp = _complement(verb)
        if comp is None:
            return None
        inner = self._verb(comp) if comp.lemma_.lower() in self.patterns.verbs else None
        inner = inner or self._complement_noun(comp)
        if inner is None:
            if control.transform == "none" or not control.generic:
                return None
            # "agreed to coordinate", "threatened to retaliate": the act is the intent, threat,
            # refusal or appeal itself, coded at its family's general code
            inner = _bare_complement(comp)
        code = self.patterns.transform(control.transform, inner.code)
        source = [s for s in [frames.subject_of(verb)] if s is not None]
        target = inner.target
        if comp.dep_ == "ccomp":  # "demanded that WASHINGTON cancel the sale": the addressee
            target = frames.children(comp, frames.SUBJECT_DEPS) + target
        if control.target_from == "obj":
            target = [o for o in [frames.direct_object(verb)] if o is not None] or target
        elif control.target_from:
            target = [o for _, o in frames.prep_objects(verb, {control.target_from})] or target
        negated = frames.is_negated(verb) or control.negate
        modality = control.modality if control.modality != "asserted" else frames.modality_of(verb)
        name = f"control '{verb.lemma_.lower()}' ({control.transform}) + {inner.rule or 'bare complement'}"
        return Draft(verb, verb, code, source, target, control.reciprocal or inner.reciprocal,
                     modality, negated, inner.place_target, name, TABLE_SCORES["control"] + inner.score / 1000,
                     inner.covers | {comp.i}, inner.evidence)

    def _complement_noun(self, comp: Token) -> Draft | None:
        """'urged X to resume NEGOTIATIONS': a complement verb with no rule of its own whose object is a
        nominal trigger; the noun names the act, its arguments are the complement's."""
        obj = frames.direct_object(comp)
        if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() not in self.patterns.nouns:
            return None
        noun = noun_reading(obj, self.patterns, self._actor_like)
        if noun is None or noun.vetoed:
            return None
        actor = frames.subject_of(comp)  # "ready to host talks BETWEEN RUSSIA AND UKRAINE": the sides are targets
        sides = [s for s in noun.source if actor is None or s.i != actor.i]
        return replace(noun, target=noun.target or sides, covers=noun.covers | {obj.i})

    def _control_noun(self, noun: Token, control: Control, taken: set[int]) -> Draft | None:
        """"his readiness TO PROVIDE support", "a decision TO WRAP UP the operation"."""
        if rules.control_noun_not_happening(noun):  # "rejected UN CALLS to lift the ban": what is rejected
            name = f"control noun '{noun.lemma_.lower()}' ({control.transform}); not happening"
            return Draft(noun, noun, "", [], [], rule=name, vetoed="not happening")
        comp = next((c for c in noun.children if c.dep_ in {"acl", "relcl", "ccomp"} and c.pos_ == "VERB"), None)
        if comp is None:
            return None
        inner = self._verb(comp) if comp.lemma_.lower() in self.patterns.verbs else None
        if inner is None and not (control.generic and comp.dep_ == "ccomp"):
            return None
        if inner is None:  # "its demand that Israel ease restrictions": the demand itself
            inner = _bare_complement(comp)
        addressee = frames.children(comp, frames.SUBJECT_DEPS)  # "a demand that ISRAEL ease ..."
        if addressee:
            inner = replace(inner, target=addressee + inner.target)
        taken |= inner.covers | {comp.i}  # taken even when no owner makes this a reading
        support = noun.head if noun.head.pos_ in {"VERB", "AUX"} else None
        owner = noun_source(noun)
        if owner is None or owner.tag_ == "PRP$":
            owner = frames.subject_of(support) if support is not None else owner
        if owner is None:
            return None
        anchor = support or noun
        code = self.patterns.transform(control.transform, inner.code)
        name = f"control noun '{noun.lemma_.lower()}' ({control.transform}) + {inner.rule or 'bare complement'}"
        return Draft(noun, anchor, code, [owner], inner.target, inner.reciprocal,
                     control.modality if control.modality != "asserted" else frames.modality_of(anchor),
                     frames.is_negated(anchor) or control.negate, inner.place_target, name,
                     TABLE_SCORES["control noun"] + inner.score / 1000, inner.covers | {comp.i}, inner.evidence)


def score(draft: Draft) -> float:
    return draft.score


def _rule_name(kind: str, trigger: Token, index: int) -> str:
    return f"{kind} '{trigger.lemma_.lower()}' #{index + 1}"


def _bare_complement(comp: Token) -> Draft:
    """The complement of an intent, threat, refusal or appeal that is no event of its own; the
    governing act is then coded at its family's general code (the transform's `*`)."""
    heads, evidence = target_heads(comp, None, False)
    return Draft(comp, comp, "", [], heads, False, evidence=evidence)


def _joint(subject: Token | None) -> bool:
    """'The Philippines AND France agree': a subject with a conjoined second actor."""
    return subject is not None and any(c.dep_ == "conj" for c in subject.children)


def before_words(verb: Token, slots: tuple[tuple[tuple[str, ...], ...], ...]) -> set[int] | None:
    """The indices of the words a rule's `before` slots match, in order, before the verb in its
    sentence (other words may come between slots; the words of one alternative are adjacent);
    None when a slot is not found."""
    return words_in_order([t for t in verb.sent if t.i < verb.i], slots)


def words_after(verb: Token, slots: tuple[tuple[tuple[str, ...], ...], ...]) -> set[int] | None:
    """The same after the verb: 'abandon NEW ECONOMIC relations'."""
    return words_in_order([t for t in verb.sent if t.i > verb.i], slots) if slots else None


def words_in_order(tokens: list[Token], slots: tuple[tuple[tuple[str, ...], ...], ...]) -> set[int] | None:
    """The indices of the tokens the slots match in order (the earliest match of each slot)."""
    words = [t.lower_ for t in tokens]
    pos, found = 0, set()
    for slot in slots:
        hits = [(i, alt) for alt in slot for i in range(pos, len(words) - len(alt) + 1)
                if tuple(words[i:i + len(alt)]) == alt]
        if not hits:
            return None
        i, alt = min(hits, key=lambda h: (h[0], -len(h[1])))
        found |= {tokens[j].i for j in range(i, i + len(alt))}
        pos = i + len(alt)
    return found


def _complement(verb: Token) -> Token | None:
    """The event verb a control verb governs: agreed TO COORDINATE, urged X TO NEGOTIATE."""
    for child in verb.children:
        if child.dep_ in {"xcomp", "ccomp"} and (child.pos_ == "VERB" or child.pos_ == "ADJ" and any(
                c.dep_ in {"nsubj", "dobj"} for c in child.children)):  # "that Sweden EXTRADITE(ADJ) ..."
            return child
    for child in verb.children:
        if child.dep_ == "dobj":
            for grand in child.children:
                if grand.dep_ in {"acl", "relcl", "xcomp"} and grand.pos_ == "VERB":
                    return grand
    for child in verb.children:  # misparse: "called on X [to resign]advcl"
        if child.dep_ == "advcl" and child.pos_ == "VERB" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            return child
    return None
