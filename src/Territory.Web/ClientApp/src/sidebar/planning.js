// Wiring of the planning features: the « Planifier » tab (sites, then rounds) and the named
// scenarios of the « Scénario » tab; each registers its redraw for the language switch.
import '../planning.css';
import { onRender } from '../chrome.js';
import { onVersion } from '../api.js';
import { setupPlan, fillPlanKinds, renderPlanResult, planState } from './plan.js';
import { setupRounds, fillRoundBases, fillRoundSources, renderRoundResult, roundState } from './rounds.js';
import { setupNamedScenarios, renderNamedScenarios } from './scenarios.js';
import { planSources } from '../map/plan.js';

/** Builds the forms and registers the redraws; the named scenarios are listed once the map is up. */
export function setupPlanning() {
  setupPlan();
  setupRounds();
  onRender(fillPlanKinds);
  onRender(renderPlanResult);
  onRender(fillRoundBases);
  onRender(fillRoundSources);
  onRender(renderRoundResult);
  onRender(renderNamedScenarios);
  // A scenario edit, a save or a reload: the presence points and what can be saved changed.
  onVersion(() => { fillRoundBases(); renderNamedScenarios(); });
  document.querySelector('.tab[data-tab=plan]').addEventListener('click', fillRoundBases);
}

/** Lists the named scenarios (after the first render). */
export function loadPlanning() { return setupNamedScenarios().then(fillRoundSources); }

/** What the page's tests read: the last plan and round answers. */
export const planningHooks = {
  plan: () => planState.job,
  round: () => roundState.job,
  planDrawn: () => ({ sites: planSources.sites.getFeatures().length, estates: planSources.estates.getFeatures().length, rounds: planSources.rounds.getFeatures().length }),
  /** The round's drawn legs: vertices of each line and whether it follows the roads. */
  roundLegs: () => planSources.rounds.getFeatures().filter((f) => f.get('leg')).map((f) => ({ points: f.getGeometry().getCoordinates().length, onRoads: f.get('onRoads') })),
};
