// ioredis's declarations import "redis-errors", which ships no types: with skipLibCheck false a
// strict project needs this line, as any user of ioredis does. Not the package's own declarations.
declare module "redis-errors";
