/** What a person picker needs of a person: the name, and the email that tells namesakes apart. */
export interface Pickable {
  readonly id: string;
  readonly name: string;
  readonly email: string;
}

/** How a person is offered in a picker's list: `Name <email>`. */
export const personLabel = (p: Pickable) => `${p.name} <${p.email}>`;

/** The person a picker's text names: by its label, an email, or a name only one person has. */
export function personNamed<P extends Pickable>(people: readonly P[], text: string): P | undefined {
  const wanted = text.trim().toLocaleLowerCase();
  if (!wanted) return undefined;
  const email = /<([^<>]+)>\s*$/.exec(wanted)?.[1] ?? (wanted.includes('@') ? wanted : undefined);
  if (email) return people.find((p) => p.email.toLocaleLowerCase() === email);
  const named = people.filter((p) => p.name.toLocaleLowerCase() === wanted);
  return named.length === 1 ? named[0] : undefined;
}
