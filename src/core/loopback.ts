// Loopback hosts: where plain http is allowed (local mocks), and where a refused connection
// most likely means a mock that is not running.
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

export const isLoopbackHost = (hostname: string) => LOOPBACK.test(hostname);
