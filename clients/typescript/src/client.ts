// A typed client for the clinic API. The types come from the gateway's merged contract
// (npm run generate writes src/schema.d.ts); openapi-fetch turns them into checked calls:
// paths, parameters, bodies and answers are all known to the compiler.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type Schemas = components["schemas"];
export type ClinicClient = Client<paths>;

/** Where the API is and how to get a bearer token for each call (called per request, so it may refresh). */
export interface ClinicClientOptions {
  baseUrl: string;
  accessToken: () => string | Promise<string>;
}

export function createClinicClient(options: ClinicClientOptions): ClinicClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl });
  const bearer: Middleware = {
    async onRequest({ request }) {
      request.headers.set("Authorization", `Bearer ${await options.accessToken()}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}

/** Anonymous reads (locations, practitioners, appointment types, availability, injuries) need no token. */
export function createAnonymousClient(baseUrl: string): ClinicClient {
  return createClient<paths>({ baseUrl });
}

/** Every error answer is an RFC 9457 problem; this narrows an unknown error body to one. */
export function isProblem(body: unknown): body is Schemas["Problem"] {
  return typeof body === "object" && body !== null && "status" in body && "title" in body;
}
