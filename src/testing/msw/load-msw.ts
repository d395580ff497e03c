// msw is an optional peer dependency, imported statically here and nowhere else. No top-level
// await (a dynamic import with a friendlier error needed one): an entry with top-level await
// cannot be loaded by require(), and this one must be, for CommonJS test suites. Without msw,
// Node fails the import with ERR_MODULE_NOT_FOUND "Cannot find package 'msw'".
export { http, HttpResponse } from "msw";
