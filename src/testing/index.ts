export { listMockVendors, startMock, specPath, type MockOptions, type RunningMock, type VendorName } from "./start-mock.js";
