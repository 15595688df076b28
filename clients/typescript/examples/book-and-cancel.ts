// Sign in, find a free slot, book it, cancel it: the whole booking flow with compile-time checked calls.
// Run against a local stack (./clinic up):  npm run example
// CLINIC_API_URL and CLINIC_REALM_URL point it elsewhere (the system tests run it against their own stack).
import { createAnonymousClient, createClinicClient, developmentUserToken, isProblem } from "../src/index.js";

// Node's process, declared here so the client itself needs no Node typings.
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

const API = process.env.CLINIC_API_URL ?? "http://localhost:8080";
const REALM = process.env.CLINIC_REALM_URL ?? "http://localhost:8180/realms/clinic";

// From the day after tomorrow: outside the 24-hour cancellation window, so the client may cancel freely.
function nextWeek(): { from: string; to: string } {
  const day = 24 * 60 * 60 * 1000;
  const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
  return { from: iso(Date.now() + 2 * day), to: iso(Date.now() + 9 * day) };
}

export async function bookAndCancel(): Promise<string> {
  // 1. Sign in as the demo client alice (development realm; a real app uses PKCE).
  const { access_token } = await developmentUserToken(REALM, "alice", "alice");
  const api = createClinicClient({ baseUrl: API, accessToken: () => access_token });

  // 2. Find a free slot; availability is public, so no token is needed.
  const { data: availability, error: searchError } = await createAnonymousClient(API).GET("/api/v1/availability", {
    params: { query: { appointmentType: "sports-massage-60", location: "richmond", ...nextWeek() } },
  });
  if (searchError) {
    throw new Error(`availability: ${searchError.title} (${searchError.status})`);
  }
  const slot = availability.items[0];
  if (!slot) {
    throw new Error("no free sports massage in Richmond next week");
  }

  // 3. Book it: a slot is a booking request as it is. The Idempotency-Key makes a retry safe.
  const { data: appointment, error: bookingError, response } = await api.POST("/api/v1/appointments", {
    params: { header: { "Idempotency-Key": crypto.randomUUID() } },
    body: slot,
  });
  if (bookingError) {
    throw new Error(`booking refused: ${bookingError.detail ?? bookingError.title} (${bookingError.status})`);
  }
  console.log(`booked ${appointment.id} with ${appointment.practitionerName} at ${appointment.start}`,
    `(${response.headers.get("Location")})`);

  // 4. Cancel it.
  const { data: cancelled, error: cancelError } = await api.POST("/api/v1/appointments/{id}/cancel", {
    params: { path: { id: appointment.id } },
    body: { reason: "Example run", waiveLateCancellation: false },
  });
  if (cancelError) {
    throw new Error(isProblem(cancelError) ? `cancel refused: ${cancelError.title}` : "cancel refused");
  }
  console.log(`status is now ${cancelled.status}`);
  return cancelled.status;
}

bookAndCancel().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
