// What version a release needs: semver, where a breaking change takes a major bump, or a minor
// one while the major is 0 (0.x promises nothing across minors, as npm's caret ranges treat it).
export function parseVersion(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(version.trim());
  if (!match) throw new Error(`"${version}" is not a semver version (x.y.z)`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

const compare = (a: number[], b: number[]) => a.findIndex((n, i) => n !== b[i]);

export function isAfter(from: string, to: string): boolean {
  const a = parseVersion(from);
  const b = parseVersion(to);
  const i = compare(a, b);
  return i !== -1 && b[i]! > a[i]!;
}

/** True when `to` may carry breaking changes over `from`. */
export function allowsBreaking(from: string, to: string): boolean {
  const [major, minor] = parseVersion(from);
  const [toMajor, toMinor] = parseVersion(to);
  return toMajor > major || (major === 0 && toMajor === 0 && toMinor > minor);
}

/** The smallest version after `from` that may carry breaking changes. */
export function nextBreaking(from: string): string {
  const [major, minor] = parseVersion(from);
  return major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
}
