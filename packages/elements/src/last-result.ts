/**
 * `compute`, answering from its last result while every argument is the same value as
 * last time (compared with `===`): for what a widget derives on every update from data
 * that rarely changes, such as the rows of a long thread.
 */
export function lastResult<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | undefined;
  return (...args: A) => {
    if (last?.args.length === args.length && last.args.every((arg, index) => arg === args[index])) return last.result;
    last = { args, result: compute(...args) };
    return last.result;
  };
}
