// msw is an optional peer dependency: load it here, once, so a missing install fails with what to
// run instead of a bare "Cannot find package".
import type * as Msw from "msw";

async function loadMsw(): Promise<typeof Msw> {
  try {
    return await import("msw");
  } catch (cause) {
    throw new Error(
      'ai-vendor-contracts/testing/msw needs the optional peer dependency "msw" (2.x), which is not installed. ' +
        "Install it with: npm install --save-dev msw@2",
      { cause },
    );
  }
}

export const { http, HttpResponse } = await loadMsw();
