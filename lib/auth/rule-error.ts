// A refusal by one of Runboard's people rules (unknown user, role too high, link used, …): the HTTP status and the
// error code the API answers with, and a message written for the person who will read it.
export class RuleError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 403 | 404 | 409 | 410,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
