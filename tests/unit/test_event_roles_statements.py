"""Roles read in general terms (session 22), mostly of statements:

- a proper name the entities left out of one sentence names the entity the article writes it for
  elsewhere ("accused the M23 of ..." after "M23 rebels seized ...");
- a statement the model types is about the acts the rules read before it ("called the arrest 'a
  new low'": whoever arrested);
- a response a statement announces answers whoever acted before ("said it would respond in kind");
- a demand to free people is made of whoever holds them ("demanded the release of the activists");
- a threat is aimed at whoever its condition asks to act ("threatened on Monday to block roads
  unless the government ...");
- an accusation targets the agent of the passive it reports ("alleged that the bombs had been
  stockpiled by the ruling party");
- "both sides" are the two parties of the act told before, not the two names mentioned last;
- whom a verb of accusing accuses is a person or body whatever its noun ("accused security
  agencies of ...");
- a protest told in a purpose clause is addressed to the envoy summoned ("summoned a Pakistani
  diplomat to protest over ...");
- the facility a coercion took place at is a target beside its casualties ("opened fire in a bar,
  killing nine people"), not where people were taken into custody;
- a denial answers whoever accused before ("denied targeting civilians");
- a national capital that acts stands beside its country when the article names it ("accused
  Madrid of ...": Madrid and Spain), not a city an attack reached ("missiles struck Kyiv");
- the nationality word on what a statement judged names its country ("rejected a Chinese
  demand": China);
- whom a request is addressed to is a person or body whatever its noun ("asked its allies for
  ...", "appealed to international organisations for ...", "called on its allies to ...");
- an "of" phrase that lists parties names them all ("the ambassadors of Germany, France and
  Italy", "Warships from South Korea, the United States and Japan");
- a call for a ceasefire, a truce, restraint or talks is addressed to both sides of the fight told
  before ("called for an immediate ceasefire").

One hand-written article per form (not from any evaluation set); each reading was measured on the
training corpus and the role dev sets.
"""

from __future__ import annotations

from tests.support.roles import event, tag
from tests.support.roles import names as role_names


def test_a_proper_name_no_mention_covers_names_the_entity_written_so_elsewhere(tagger):
    tagged = tag(tagger, "M23 rebels seized the town of Masisi on Monday.\n\n"
                         "The Congolese government accused the M23 of recruiting children.")
    assert "m23" in role_names(tagged, event(tagged, "The Congolese government").targets, lower=True)


def test_a_statement_the_model_types_knows_the_act_the_rules_read_before_it(tagger):
    # "called the arrest ..." has no rule trigger: the model types it, and the rules' arrest is its act
    tagged = tag(tagger, "Zimbabwean police arrested the opposition leader Job Sikhala in Harare on Tuesday.\n\n"
                         'Amnesty International called the arrest "a new low" for freedom of expression.')
    assert "zimbabwean police" in role_names(tagged, event(tagged, "Amnesty International").targets, lower=True)


def test_a_response_a_statement_announces_answers_whoever_acted_before(tagger):
    tagged = tag(tagger, "Latvia expelled two Russian diplomats on Monday.\n\n"
                         "The Russian foreign ministry said it would respond in kind.")
    assert "latvia" in role_names(tagged, event(tagged, "The Russian foreign ministry").targets, lower=True)


def test_a_demand_to_free_people_is_made_of_whoever_holds_them(tagger):
    tagged = tag(tagger, "Senegalese police arrested 12 opposition activists in Dakar on Monday.\n\n"
                         "Amnesty International demanded the release of the activists.")
    assert "senegalese police" in role_names(tagged, event(tagged, "Amnesty International").targets, lower=True)


def test_a_threat_is_aimed_at_whoever_its_condition_asks_to_act(tagger):
    # the parser hangs "to block" as a clause of its own, not as the threat's complement
    tagged = tag(tagger, "Bolivian farmers' unions threatened on Monday to block roads in five departments "
                         "unless the government restores fuel subsidies.")
    assert "government" in role_names(tagged, event(tagged, "Bolivian farmers").targets, lower=True)


def test_an_accusation_targets_the_agent_of_the_passive_it_reports(tagger):
    tagged = tag(tagger, "Three crude bombs were found in a school in Bolpur on Monday.\n\n"
                         "The local BJP leadership alleged that the bombs had been stockpiled by the Trinamool Congress.")
    assert "trinamool congress" in role_names(tagged, event(tagged, "The local BJP").targets, lower=True)


def test_both_sides_are_the_two_parties_of_the_act_told_before(tagger):
    # not the two names mentioned last
    tagged = tag(tagger, "Sudan's army clashed with RSF fighters near El Fasher on Monday.\n\n"
                         "The United Nations and the African Union have long warned of famine in Darfur.\n\n"
                         "Mediators urged both sides to agree on a ceasefire.")
    targets = role_names(tagged, event(tagged, "Mediators").targets, lower=True)
    assert {"sudan's army", "rsf fighters"} <= targets
    assert "united nations" not in targets


def test_whom_a_verb_of_accusing_accuses_is_a_person_or_body_whatever_its_noun(tagger):
    tagged = tag(tagger, "The women accused security agencies of abducting the men without charge.")
    assert "security agencies" in role_names(tagged, event(tagged, "The women").targets, lower=True)


def test_a_protest_told_in_a_purpose_clause_is_addressed_to_the_envoy_summoned(tagger):
    tagged = tag(tagger, "India summoned a senior Pakistani diplomat in New Delhi to protest over shelling "
                         "along the Line of Control.")
    assert "pakistani diplomat" in role_names(tagged, event(tagged, "India summoned").targets, lower=True)


def test_the_facility_a_coercion_took_place_at_is_a_target_beside_its_casualties(tagger):
    tagged = tag(tagger, "Cartel gunmen opened fire in a bar in Celaya on Sunday, killing nine people.")
    assert {"bar", "people"} <= role_names(tagged, event(tagged, "Cartel gunmen").targets, lower=True)


def test_a_denial_answers_whoever_accused_before(tagger):
    tagged = tag(tagger, "The Communist Party accused the army of bombing villages in Negros on Monday.\n\n"
                         "The Philippine army denied targeting civilians.")
    assert "communist party" in role_names(tagged, event(tagged, "The Philippine army").targets, lower=True)


def test_whom_a_request_is_addressed_to_is_a_person_or_body_whatever_its_noun(tagger):
    tagged = tag(tagger, "The eastern Libyan government appealed to international organisations for tents "
                         "and water pumps.")
    assert "international organisations" in role_names(tagged, event(tagged, "The eastern Libyan").targets,
                                                        lower=True)


def test_an_of_phrase_that_lists_parties_names_them_all(tagger):
    tagged = tag(tagger, "Iran summoned the ambassadors of Germany, France and Italy on Tuesday in protest.")
    assert {"germany", "france", "italy"} <= role_names(tagged, event(tagged, "Iran summoned").targets, lower=True)


def test_a_call_for_a_ceasefire_is_addressed_to_both_sides_of_the_fight_before(tagger):
    tagged = tag(tagger, "Sudan's army clashed with RSF fighters near El Fasher on Monday.\n\n"
                         "Qatar and Egypt called for an immediate ceasefire.")
    targets = role_names(tagged, event(tagged, "Qatar and Egypt").targets, lower=True)
    assert {"sudan's army", "rsf fighters"} <= targets


def test_a_capital_that_acts_stands_beside_its_country(tagger):
    tagged = tag(tagger, "Spain and Israel have been at odds for months. Israel's foreign ministry accused "
                         "Madrid of antisemitism on Monday.")
    e = event(tagged, "Israel's foreign ministry", "ACCUSE")
    assert {"madrid", "spain"} <= role_names(tagged, e.targets, lower=True)
    struck = tag(tagger, "Ukraine and Russia traded accusations. Russian missiles struck Kyiv on Monday.")
    assert "ukraine" not in role_names(struck, event(struck, "Russian missiles").targets, lower=True)


def test_the_nationality_on_what_was_judged_names_its_country(tagger):
    tagged = tag(tagger, "Australia has flown surveillance flights near China for years. Australia rejected on "
                         "Tuesday a Chinese demand that it stop the flights.")
    e = event(tagged, "Australia rejected", "REJECT")
    assert "china" in role_names(tagged, e.targets, lower=True)
