/** Whether the build in `dist` is current against the sources of the checkout at `root`. */
export function isBuildCurrent(root: URL, dist: URL): boolean;
