# workerd config for the support matrix: one ES module worker (the esbuild bundle of worker.ts)
# whose fetch() reaches the loopback mocks. workerd's default network refuses private and local
# addresses, so the outbound service allows "local" (127.0.0.0/8) and nothing else.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "loopback", network = (allow = ["local"])),
  ],
);

const worker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.bundle.js")],
  compatibilityDate = "2026-11-01",
  globalOutbound = "loopback",
);
