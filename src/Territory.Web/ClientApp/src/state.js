// What the modules of the map share: the project answer, the index of types, landlords and
// agencies (the estates' filter variables refer to them by position), the open panel, the
// scenario state and the add-a-point mode.
export const state = {
  /** The answer of GET api/project (types, agency kinds, basemaps, counts, extent). */
  project: null,
  /** Territory type code → 0..3 (the estate colour and filter index). */
  typeIndex: {},
  /** Landlord name → position in project.landlords. */
  landlordIndex: {},
  /** Agency id → position in the agencies source. */
  agencyIndex: {},
  /** The details panel on screen: { kind: 'estate'|'territory'|'agency', id } or null. */
  currentPanel: null,
  /** The last answer of the scenario API. */
  scenario: null,
  /** True while the next map click places a new presence point. */
  addMode: false,
};

/** Shorthand for document.getElementById. */
export const $ = (id) => document.getElementById(id);
