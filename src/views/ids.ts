/**
 * Ids that the element and the views must agree on: the element finds what a view drew by them
 * (to move focus, or to speak through the live region), so they are written once, here.
 */

/** Each screen's main heading: focus moves to it on every new step. */
export const HEADING_ID = 'sf-heading';
/** The live region the element writes announcements into. */
export const STATUS_ID = 'sf-status';
/** "Results sent to your phone": focus moves to it once the form that had focus is gone. */
export const PHONE_SENT_ID = 'sf-phone-sent';
