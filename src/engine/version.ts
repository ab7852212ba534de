/** The version of the flow format this engine reads. A flow states it in `formatVersion`. */
export const FORMAT_VERSION = 1;
