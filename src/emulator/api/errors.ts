/**
 * An error as SES's REST-JSON protocol sends it: HTTP status, `x-amzn-ErrorType: <Name>` and `{"message"}`.
 * The SDK picks its typed error class from the name.
 */
export class SesApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorName: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message: string) => new SesApiError(404, 'NotFoundException', message);
export const badRequest = (message: string) => new SesApiError(400, 'BadRequestException', message);

/** AWS's standard validation wording, e.g. "1 validation error detected: Value null at 'mailType' failed ...". */
export function validationError(problems: string[]): SesApiError {
  const count = problems.length;
  return badRequest(`${count} validation error${count === 1 ? '' : 's'} detected: ${problems.join('; ')}`);
}
