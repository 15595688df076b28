export { createAnonymousClient, createClinicClient, isProblem } from "./client.js";
export type { ClinicClient, ClinicClientOptions, Schemas } from "./client.js";
export { developmentUserToken, partnerToken } from "./auth.js";
export type { components, operations, paths } from "./schema.js";
