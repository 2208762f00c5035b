"""Event typing floors, rules, the hybrid (the default path since session 15) and the trained
model: the frozen team test set and the dev sets.

The frozen set is the team's own (never trained on, never tuned on), so its
floors never skip; the dev sets in ../shared/eval skip when absent. Both
taggers are scored, so a change that helps one and hurts the other shows.
Figures are deterministic (fixed weights, no sampling); each floor sits a
small margin under what was measured (see MEASURED), and the issue's targets
that are met are checked as such (``test_frozen_set_typing_targets_met``: subtype and category
on the frozen set, by every path since session 19).
Not met (see the README): hard-negative realis errors <= 10% on the frozen set
(hybrid 0.214 in session 21; hybrid 0.248, rules 0.238, trained 0.141 in session 20; hybrid 0.269 and rules 0.252 in session 19; hybrid 0.314 and rules 0.300 in session 15;
trained 0.169, session 13, retrained on corrected lead parses; 0.162, session 11; 0.159 in session 9; 0.176 in session 8, 0.183 before; rules 0.321 with
their realis-scope veto and structural threat of session 12, 0.531 before; held out in grouped cross-validation the
trained model is at 0.064 on corpus E, 0.093 on corpus F and 0.058 on corpus G), and on the dev
sets subtype macro-F1 >= 0.80 and category accuracy >= 0.75 for the trained model (0.602 and 0.667
in session 13, 0.605 and 0.677 in session 11, 0.624 and 0.625 in session 10, 0.613 and 0.625 in session 9 with corpus J; 0.629 and 0.583 in session 8 with corpora H and I and the realis-scope veto, run once after the choice; 0.606 and
0.635 with corpus G and the dependency features of session 6; 0.580 and 0.667 in session 5, 0.635
and 0.740 before corpora E and F; the rules, tuned on them, met both until session 13, whose depth
ranking took CASE subtype macro-F1 from 0.806 to 0.794 while PLOVER category rose 0.812 -> 0.833).
"""

from __future__ import annotations

import pytest

from wirewatch.evaluation.data import EvalDataMissing

pytestmark = pytest.mark.eval

KINDS = ("rules", "hybrid", "trained")
MARGIN = 0.02
# Measured on the frozen set (766 sentences, 290 hard negatives) with the shipped weights.
MEASURED = {
    # session 12: the rules' realis-scope veto (rule_veto): 0.760 / 0.763 / 0.699 / 0.531 ->
    # 0.836 / 0.763 / 0.700 / 0.331 (a first version, whose cues also overruled triggers outside
    # the happening verb's clause and so dropped an annotated event of the sample article, read
    # 0.837 / 0.763 / 0.700 / 0.328; 0.695 subtype before session 11's @GOV)
    # then the structural threat (a verb of warning over a future clause): 0.839 / 0.768 / 0.701 / 0.321
    # session 13: a sentence's events ranked by how near their trigger is to the root
    # (depth_discount): 0.839 / 0.768 / 0.701 / 0.321 -> 0.839 / 0.784 / 0.706 / 0.321
    # session 15: more veto cues (a past period, a count up to now, a plan, an earlier event as
    # subject, "analysts said", "marked a year since"; chosen on the training corpus, measured
    # once after): 0.839 / 0.784 / 0.706 / 0.321 -> 0.846 / 0.782 / 0.706 / 0.300
    # session 16: a habit, a ranking, "recalled its ambassador" and wider time cues (chosen on the
    # training corpus, measured once after): 0.846 / 0.782 / 0.706 / 0.300 -> 0.856 / 0.782 / 0.706 / 0.276
    # session 18: new rules chosen on the training corpus (crowd violence, police crowd control,
    # police removing protesters, territory by who took it and a named place taken; a rule's
    # negative cues not read in "police said"), measured once after: 0.856 / 0.782 / 0.708 /
    # 0.276 -> 0.855 / 0.794 / 0.732 / 0.279
    # session 19: rules and veto cues chosen on the training corpus (helpers' branches s19-rules,
    # s19-veto; objective 0.7959 -> 0.8407), measured once after: 0.855 / 0.794 / 0.732 / 0.279 ->
    # 0.872 / 0.844 / 0.810 / 0.252
    # session 20: veto cues TIME_REF and PERIOD_TOTAL and a said retaliation as a threat (chosen on the
    # training corpus, measured once after): 0.872 / 0.844 / 0.810 / 0.252 -> 0.876 / 0.850 / 0.811 / 0.241;
    # then "said it would" as a plan, a timetable's present, "declined to comment": 0.877 / 0.850 / 0.811 / 0.238
    # session 21-22: the typing readings of helper branch s21-typing (31 steps chosen on the training
    # corpus: objective 0.8437 -> 0.8631 there), SO_FAR and GOV:HOPE, measured once after the merges:
    # 0.877 / 0.850 / 0.811 / 0.238 -> 0.879 / 0.860 / 0.841 / 0.238
    # then session 22's typing helper (29 readings, objective 0.8638 -> 0.8748 there; measured once
    # after the merge): 0.884 / 0.870 / 0.840 / 0.238
    # session 24: readings from fresh team-written reports ("neither", a phrase past a long object,
    # the labour strike, IN_MONTH, a trailing denial; measured once after): 0.886 / 0.870 / 0.840 / 0.231
    # session 25: readings from twelve more fresh reports (DATED_CLAUSE and the dated relative
    # clause, a shared perfect's "since", "has been the scene of"; measured once after): 0.889 / 0.870 / 0.840 / 0.224
    # session 31: riot-policed (a crowd that riots is a violent demonstration; measured once after):
    # 0.889 / 0.866 / 0.835 / 0.224 (the frozen set labels such sentences FORCE_AGAINST_PROTEST)
    "rules": {"realis": 0.889, "category": 0.866, "subtype_macro_f1": 0.835,
              "hard_negative_errors": 0.224},
    # session 15: the hybrid with rules_first (the rules' events, the model's where they found
    # none; chosen by grouped CV, measured once after), the default path since
    # session 16: the rules' veto as above: 0.863 / 0.827 / 0.722 / 0.314 -> 0.873 / 0.827 / 0.722 / 0.290
    # session 18: the rules as above: 0.873 / 0.827 / 0.725 / 0.290 -> 0.873 / 0.839 / 0.748 / 0.290
    # session 19: the rules and veto as above: 0.873 / 0.839 / 0.748 / 0.290 -> 0.884 / 0.883 / 0.823 / 0.269
    # session 20: the model retrained on session 19's rule features (0.879 / 0.883 / 0.827 / 0.283),
    # then its fallback events passing the rules' veto cues (model_veto) at fallback threshold 0.3
    # (chosen by grouped CV, measured once after): 0.888 / 0.881 / 0.827 / 0.259; then the rules'
    # session 20 veto cues and threat: 0.889 / 0.883 / 0.827 / 0.255; then the second batch: 0.892 / 0.883 /
    # 0.827 / 0.248; the model retrained on the rules' new matches (make train): 0.892 / 0.879 / 0.825 / 0.248
    # session 21: the model overrules the rules where it is sure nothing happened and the parse doubts
    # it (overrule_above 0.9, overrule_needs_doubt; grouped CV, measured once after): 0.905 / 0.877 / 0.824 / 0.214
    # session 22: those rules and the model retrained on them (make train, measured once after):
    # 0.905 / 0.879 / 0.831 / 0.214 (merge of the first steps) -> 0.899 / 0.889 / 0.854 / 0.221
    # then session 22's helpers' readings and the model retrained on them: 0.904 / 0.891 / 0.843 / 0.214
    # session 24: the session's readings and the model retrained on them (measured once after):
    # 0.902 / 0.887 / 0.845 / 0.217
    # session 25: the session's realis readings (the model unchanged; measured once after):
    # 0.905 / 0.887 / 0.845 / 0.210
    # session 29: the learned arbiter of the rules' events of material acts (events/arbiter.py;
    # grouped CV 0.8991 -> 0.9071, measured once after): 0.913 / 0.883 / 0.844 / 0.183
    # session 31: a crowd that riots is a violent demonstration whatever the police did (52 training
    # sentences relabelled, riot-policed; the model, arbiter and targets retrained; measured once
    # after): 0.914 / 0.885 / 0.839 / 0.186 (3 of the frozen set's 17 FORCE_AGAINST_PROTEST, labelled
    # under the older convention, now read VIOL_DEMONSTR)
    # session 34: 36 training denials relabelled not a happening, the model retrained (on another
    # machine than session 31's), the arbiter deciding REJECT too (measured once after): 0.916 / 0.875 /
    # 0.842 / 0.169; session 35, "during that fighting", "last spring" read as LONG_AGO: 0.918 / 0.875 /
    # 0.842 / 0.166
    # session 36: the realis head trained with three seeds, their probabilities averaged (grouped CV
    # 0.9053 -> 0.9063; the arbiter refitted on the bag's readings; measured once after): 0.922 / 0.879 /
    # 0.842 / 0.155
    # session 37: the arbiter reads where the rules' line sits in the body (grouped CV 0.9063 -> 0.9071;
    # measured once after): 0.926 / 0.879 / 0.842 / 0.145; then its threshold 0.3 -> 0.5 (grouped CV
    # +0.0009 / +0.0005 on seeds 0 / 1; measured once after): 0.927 / 0.875 / 0.841 / 0.138; then the
    # arbiter deciding CONSULT, COOPERATE, CONCEDE and SUPPORT too (measured once): unchanged
    "hybrid": {"realis": 0.927, "category": 0.875, "subtype_macro_f1": 0.841,
               "hard_negative_errors": 0.138},
    # session 9: corpus J (session 8, corpora H and I and the realis-scope veto: 0.906 / 0.907 /
    # 0.895 / 0.176; category and subtype went down 0.006 and 0.001, measured once after the
    # choice by grouped cross-validation)
    # session 11: retrained with the rules' wider @GOV ("{nationality} forces") among its
    # features: 0.915 / 0.901 / 0.894 / 0.159 -> 0.909 / 0.895 / 0.877 / 0.162 (measured once after)
    # session 13: retrained on the corrected parse of 7 leads ("WASHINGTON - U.S. President ...",
    # spacy_model.INITIALISM): 0.909 / 0.901 / 0.878 / 0.169 (measured once after)
    # session 18: the same weights with session 18's rules among its features (not retrained):
    # 0.905 / 0.899 / 0.872 / 0.169
    # session 19: the same weights with session 19's rules among its features: 0.905 / 0.905 / 0.888 / 0.166
    # session 20: retrained on those features (make train, measured once after): 0.918 / 0.905 / 0.887 / 0.155;
    # then the rules' second batch of session-20 cues (FUT and PLANNED, which its veto reads too):
    # 0.922 / 0.905 / 0.887 / 0.145; retrained on the rules' new matches ("declined to comment" no
    # rejection; make train, measured once after): 0.922 / 0.901 / 0.884 / 0.141
    # session 22: retrained on the merged rules' matches (make train, measured once after):
    # 0.914 / 0.899 / 0.891 / 0.134
    # then retrained on session 22's helpers' rules: 0.915 / 0.906 / 0.879 / 0.159
    # session 24: retrained on the session's rules (make train, measured once after): 0.913 / 0.891 / 0.886 / 0.145
    # session 31: retrained on the relabelled riots (make train, measured once after): 0.909 / 0.889 / 0.870 / 0.159
    # session 34: retrained on the relabelled denials (measured once): 0.915 / 0.905 / 0.885 / 0.155
    # session 36: the realis head bagged over three seeds (measured once): 0.922 / 0.901 / 0.885 / 0.128
    "trained": {"realis": 0.922, "category": 0.901, "subtype_macro_f1": 0.885,
                "hard_negative_errors": 0.128},
}
# Measured on the dev sets (CASE-2021 task 2 dev, PLOVER gold-standard dev).
MEASURED_DEV = {
    # session 12: the rules' realis-scope veto drops some of CASE's events (every CASE sentence
    # reports one): 0.820 / 0.857 -> 0.806 / 0.842 (first version 0.804 / 0.840); PLOVER unchanged
    # session 13: the depth ranking (depth_discount) chose another top event in some CASE sentences
    # and some PLOVER ones: CASE 0.806 / 0.842 -> 0.794 / 0.832, PLOVER 0.812 -> 0.833 (measured once);
    # then roles and ranking read at a phrase trigger's head (Match.anchor): PLOVER 0.833 -> 0.844
    # session 15: the veto's new cues (measured once): CASE 0.794 / 0.832 -> 0.787 / 0.825, PLOVER 0.844
    # session 16: the veto's habit and ranking cues (measured once): CASE 0.787 / 0.825 -> 0.785 / 0.823
    # session 18: the new rules (measured once): CASE 0.785 / 0.823 -> 0.782 / 0.820, PLOVER unchanged
    # session 19: rules and veto cues chosen on the training corpus (measured once): CASE 0.782 /
    # 0.820 -> 0.774 / 0.811, PLOVER 0.844 -> 0.854
    # session 20: veto cues (measured once per batch): unchanged, then 0.772 / 0.809
    # session 21: SO_FAR read deeper and in the past perfect, GOV:HOPE (measured once): 0.776 / 0.812
    # session 22: the merged typing readings (measured once): 0.778 / 0.812, PLOVER 0.854
    # then session 22's helper readings: 0.774 / 0.809, PLOVER 0.854
    # session 24: the session's readings (measured once): CASE unchanged, PLOVER 0.854 -> 0.865
    "rules": {"case_macro_f1": 0.774, "case_weighted_f1": 0.809, "plover_accuracy": 0.865},
    # session 15: the hybrid with rules_first (measured once); session 18: 0.779 / 0.819 -> 0.776 / 0.815;
    # session 19: -> 0.766 / 0.805, PLOVER 0.854 -> 0.865
    # session 20: the retrained model -> 0.756 / 0.792, PLOVER 0.865; its fallback events passing
    # the rules' veto at fallback threshold 0.3 -> 0.752 / 0.789, PLOVER 0.865 (measured once); the
    # rules' session 20 cues -> 0.751 / 0.786; the model retrained on the rules' new matches -> 0.745 /
    # 0.781, PLOVER 0.865
    # session 21: the model's overrule where the parse doubts (measured once): 0.746 / 0.782, PLOVER 0.865;
    # then SO_FAR and GOV:HOPE: 0.745 / 0.783
    # session 22: the merged rules and the retrained model (measured once): 0.753 / 0.787, PLOVER 0.875
    # then session 22's helper readings and the model retrained on them: 0.747 / 0.783, PLOVER 0.864
    # session 24: the session's readings and the model retrained on them (measured once): 0.735 /
    # 0.771 (the rules alone unchanged: the retrained model's fallback and overrule), PLOVER 0.875
    # session 26: the model's fallback events ranked on the rules' scale (fallback_weight 0.61;
    # measured once): 0.756 / 0.793, PLOVER 0.875
    # session 29: the learned arbiter (measured once): CASE 0.756 / 0.793 -> 0.757 / 0.791, PLOVER 0.875
    # session 31: the relabelled riots, riot-policed, the model retrained (measured once): 0.760 / 0.796,
    # PLOVER 0.875
    # session 34: the relabelled denials, the model retrained, the arbiter deciding REJECT (measured
    # once): 0.743 / 0.775, PLOVER 0.865 (the decision rule, fixed before: revert if CASE macro-F1 or
    # PLOVER fell by more than 0.02)
    # session 36: the realis bag (measured once; the same rule): 0.738 / 0.768, PLOVER 0.854
    # session 37: the arbiter reads where the rules' line sits in the body (measured once): 0.744 /
    # 0.776, PLOVER 0.865; then its threshold 0.3 -> 0.5 (measured once; the rule: revert on a fall of
    # more than 0.02): 0.732 / 0.762, PLOVER 0.854 (every CASE sentence reports an event: an arbiter
    # that drops more of the rules' events can only lose there); then the arbiter deciding CONSULT,
    # COOPERATE, CONCEDE and SUPPORT too (measured once): 0.732 / 0.763, PLOVER 0.854
    "hybrid": {"case_macro_f1": 0.732, "case_weighted_f1": 0.763, "plover_accuracy": 0.854},
    # session 10: the territory subtype by who took the ground (trained.subtype_by_actor; 0.613 /
    # 0.656 before it, session 9 with corpus J; session 8 0.629 / 0.675 / 0.583; before that
    # 0.606 / 0.650 / 0.635)
    # session 11: retrained with the rules' wider @GOV among its features: 0.624 / 0.667 / 0.625 ->
    # 0.605 / 0.642 / 0.677 (the rules' own dev figures did not move)
    # session 13: retrained on the corrected parse of 7 leads: 0.602 / 0.648 / 0.667 (measured once)
    # session 19 (rule features moved, weights not retrained): 0.601 / 0.644 / 0.667
    # session 20: retrained on session 19's rule features (measured once after): 0.606 / 0.649 / 0.635;
    # retrained again on the session's rules: 0.625 / 0.675 / 0.656
    # session 22: retrained on the merged rules' matches (measured once): 0.631 / 0.671 / 0.645
    # then retrained on session 22's helpers' rules: 0.639 / 0.675 / 0.562 (it reads more PLOVER
    # sentences as no event)
    # session 24: retrained on the session's rules (measured once): 0.634 / 0.672 / 0.646
    # session 31: retrained on the relabelled riots (measured once): 0.642 / 0.690 / 0.594 (as in
    # session 22 it reads more PLOVER sentences as no event: AGREE -> NONE 6, ACCUSE -> NONE 3)
    # session 34: retrained on the relabelled denials (measured once): 0.620 / 0.659 / 0.625
    # session 36: the realis bag (measured once): 0.611 / 0.656 / 0.604 (76 PLOVER events of 96, was 82)
    "trained": {"case_macro_f1": 0.611, "case_weighted_f1": 0.656, "plover_accuracy": 0.604},
}


@pytest.fixture(scope="module", params=KINDS)
def tagged_by(request):
    from core.settings import get_settings
    from streams.tagging.tagger import Tagger
    from wirewatch.evaluation.event_typing import events_config

    return request.param, Tagger(get_settings().spacy_model, config=events_config(request.param))


@pytest.fixture(scope="module")
def frozen(tagged_by):
    from wirewatch.evaluation.event_typing import evaluate_frozen

    kind, tagger = tagged_by
    return kind, evaluate_frozen(tagger)


def test_frozen_set_realis_and_category_floors(frozen):
    kind, scores = frozen
    measured = MEASURED[kind]
    assert scores.realis_accuracy >= measured["realis"] - MARGIN
    assert scores.category.accuracy >= measured["category"] - MARGIN, scores.category.confusions


def test_frozen_set_subtype_macro_f1_floor(frozen):
    kind, scores = frozen
    assert scores.subtype.macro_f1 >= MEASURED[kind]["subtype_macro_f1"] - MARGIN, \
        scores.subtype.confusions


def test_frozen_set_hard_negative_ceiling(frozen):
    kind, scores = frozen
    assert scores.hard_negatives == 290
    assert scores.hard_negative_errors <= MEASURED[kind]["hard_negative_errors"] + MARGIN


def test_dev_set_floors(tagged_by):
    from wirewatch.evaluation.events import evaluate_case, evaluate_plover

    kind, tagger = tagged_by
    try:
        case, plover = evaluate_case(tagger, "dev"), evaluate_plover(tagger, "dev")
    except EvalDataMissing as exc:
        pytest.skip(str(exc))
    measured = MEASURED_DEV[kind]
    assert case.macro_f1 >= measured["case_macro_f1"] - MARGIN, case.confusions
    assert case.weighted_f1 >= measured["case_weighted_f1"] - MARGIN
    assert plover.accuracy >= measured["plover_accuracy"] - MARGIN, plover.confusions


def test_frozen_set_typing_targets_met(frozen):
    # the targets (subtype macro-F1 >= 0.80, category >= 0.75): met by the trained model
    # since session 6, by the rules and the default path (rules first) since session 19
    kind, scores = frozen
    assert scores.subtype.macro_f1 >= 0.80 and scores.category.accuracy >= 0.75


# Measured on the realis development set (717 sentences, 429 hard negatives, three writers the
# model never saw; session 33, shipped weights): realis / category / subtype macro-F1 / hard-negative
# errors. Open to read (``wirewatch eval events --set realis-dev --misses N``), never trained on.
# Session 34 (the relabelled denials, the model retrained, the arbiter deciding REJECT): trained
# 0.951 / 0.932 / 0.928 / 0.063 -> 0.960 / 0.926 / 0.906 / 0.047, hybrid 0.944 / 0.917 / 0.887 /
# 0.079 -> 0.953 / 0.917 / 0.887 / 0.065.
# Realis dev v2 (session 35: 361 sentences, 209 hard negatives, 83 of them plans and 85 background,
# by two more writers), measured on the same weights, then with the LONG_AGO reading of "during that
# fighting" and "last spring" (read from v2's misses): rules 0.914 -> 0.922 realis, hard-negative
# errors 0.105 -> 0.091; hybrid 0.961 -> 0.970, 0.057 -> 0.043.
# Session 36, the realis bag (three seeds): v1 trained 0.960 / 0.926 / 0.906 / 0.047 -> 0.965 / 0.920 /
# 0.903 / 0.035, hybrid 0.953 / 0.917 / 0.887 / 0.065 -> 0.958 / 0.917 / 0.887 / 0.056; v2 trained 0.964 /
# 0.950 / 0.903 / 0.053 -> 0.978 / 0.950 / 0.902 / 0.033, hybrid 0.970 / 0.925 / 0.878 / 0.043 -> 0.981 /
# 0.925 / 0.878 / 0.024.
# Session 37, the arbiter reading where the line sits in the body: hybrid v1 0.958 / 0.917 / 0.887 / 0.056 ->
# 0.960 / 0.917 / 0.887 / 0.054, v2 0.981 / 0.925 / 0.878 / 0.024 -> 0.978 / 0.925 / 0.878 / 0.029 (one
# background sentence more; v1 one denial fewer); then the arbiter's threshold 0.3 -> 0.5: v1 0.964 /
# 0.917 / 0.887 / 0.047, v2 0.981 / 0.925 / 0.878 / 0.024; then the arbiter deciding CONSULT, COOPERATE,
# CONCEDE and SUPPORT too: v1 0.965 / 0.917 / 0.887 / 0.044 (one opinion fewer), v2 unchanged.
MEASURED_REALIS_DEV = {
    "v1": {
        "rules": {"realis": 0.904, "category": 0.884, "subtype_macro_f1": 0.880, "hard_negative_errors": 0.121},
        "trained": {"realis": 0.965, "category": 0.920, "subtype_macro_f1": 0.903, "hard_negative_errors": 0.035},
        "hybrid": {"realis": 0.965, "category": 0.917, "subtype_macro_f1": 0.887, "hard_negative_errors": 0.044},
    },
    "v2": {
        "rules": {"realis": 0.922, "category": 0.894, "subtype_macro_f1": 0.884, "hard_negative_errors": 0.091},
        "trained": {"realis": 0.978, "category": 0.950, "subtype_macro_f1": 0.902, "hard_negative_errors": 0.033},
        "hybrid": {"realis": 0.981, "category": 0.925, "subtype_macro_f1": 0.878, "hard_negative_errors": 0.024},
    },
    # Session 58: one-line briefs (140, written before the tagger was measured on them); the default
    # path misses one happening of 90 (a rally told with "rallied peacefully") and no hard negative.
    "v3": {
        "rules": {"realis": 0.950, "category": 0.978, "subtype_macro_f1": 0.983, "hard_negative_errors": 0.091},
        "trained": {"realis": 0.979, "category": 0.978, "subtype_macro_f1": 0.991, "hard_negative_errors": 0.018},
        "hybrid": {"realis": 0.993, "category": 0.989, "subtype_macro_f1": 0.995, "hard_negative_errors": 0.000},
    },
}
REALIS_DEV_HARD_NEGATIVES = {"v1": 429, "v2": 209, "v3": 55}


@pytest.mark.parametrize("version", sorted(MEASURED_REALIS_DEV))
def test_realis_dev_set_floors(tagged_by, version):
    from wirewatch.evaluation.event_roles import REALIS_DEV_SETS
    from wirewatch.evaluation.event_typing import evaluate_frozen

    kind, tagger = tagged_by
    scores, measured = evaluate_frozen(tagger, REALIS_DEV_SETS[version]), MEASURED_REALIS_DEV[version][kind]
    assert scores.hard_negatives == REALIS_DEV_HARD_NEGATIVES[version]
    assert scores.realis_accuracy >= measured["realis"] - MARGIN
    assert scores.category.accuracy >= measured["category"] - MARGIN, scores.category.confusions
    assert scores.subtype.macro_f1 >= measured["subtype_macro_f1"] - MARGIN, scores.subtype.confusions
    assert scores.hard_negative_errors <= measured["hard_negative_errors"] + MARGIN


def test_the_realis_dev_command_prints_its_tables_and_misses():
    from click.testing import CliRunner

    from wirewatch.evaluation.events import events

    result = CliRunner().invoke(events, ["--set", "realis-dev", "--model", "rules", "--misses", "2"])
    assert result.exit_code == 0, result.output
    assert "realis development set (realis-dev-v1): summary" in result.output
    assert "realis development set (realis-dev-v2): summary" in result.output
    assert "realis development set (realis-dev-v3): summary" in result.output
    assert result.output.count("realis miss (rules, v1): dvn-") == 2
    assert result.output.count("realis miss (rules, v2): dvp-") == 2
