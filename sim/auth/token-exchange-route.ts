import { json, readParams, type StandInContext } from "../context.ts";
import type { RouteHandler } from "../http/router.ts";
import type { AccessGrant } from "./access-tokens.ts";
import { verifySessionToken } from "./session-tokens.ts";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
const OFFLINE = "urn:shopify:params:oauth:token-type:offline-access-token";
const ONLINE = "urn:shopify:params:oauth:token-type:online-access-token";

function secondsUntil(date: Date | null, now: Date): number | undefined {
  return date ? Math.round((date.getTime() - now.getTime()) / 1000) : undefined;
}

function offlineResponse(grant: AccessGrant, now: Date) {
  return {
    access_token: grant.token,
    scope: grant.scopes.join(","),
    ...(grant.expiresAt
      ? {
          expires_in: secondsUntil(grant.expiresAt, now),
          refresh_token: grant.refreshToken,
          refresh_token_expires_in: secondsUntil(grant.refreshExpiresAt, now),
        }
      : {}),
  };
}

/**
 * `POST /{shop}/admin/oauth/access_token`: token exchange (session token → offline/online access token)
 * and refresh of expiring offline tokens, answering like Shopify, errors included.
 */
export function accessTokenRoute(ctx: StandInContext): RouteHandler {
  return async (request, { shop }) => {
    if (!ctx.store.hasShop(shop!)) return new Response("Not Found", { status: 404 });
    const params = await readParams(request);
    const now = new Date();
    if (params.client_id !== ctx.apiKey || params.client_secret !== ctx.apiSecret) {
      return json({ error: "invalid_client", error_description: "Client authentication failed" }, 401);
    }
    const state = ctx.store.state(shop!);

    if (params.grant_type === "refresh_token") {
      const grant = ctx.tokens.refresh(shop!, params.refresh_token ?? "", now);
      if (!grant) return json({ error: "invalid_grant", error_description: "Refresh token is invalid or expired" }, 400);
      return json(offlineResponse(grant, now));
    }
    if (params.grant_type !== TOKEN_EXCHANGE || params.subject_token_type !== ID_TOKEN) {
      return json({ error: "unsupported_grant_type" }, 400);
    }

    let userId: string;
    try {
      const payload = await verifySessionToken(params.subject_token ?? "", ctx, now);
      if (typeof payload.dest !== "string" || new URL(payload.dest).hostname !== shop) throw new Error("dest does not match shop");
      userId = String(payload.sub);
    } catch {
      return json({ error: "invalid_subject_token", error_description: "Token is invalid or expired" }, 400);
    }
    if (!state.shop.installed) return json({ error: "invalid_subject_token", error_description: "App is not installed" }, 400);

    const scopes = state.shop.grantedScopes;
    if (params.requested_token_type === OFFLINE) {
      return json(offlineResponse(ctx.tokens.issueOffline(shop!, scopes, params.expiring === "1", now), now));
    }
    if (params.requested_token_type === ONLINE) {
      const user = state.staff.find((staff) => String(staff.id) === userId);
      if (!user) return json({ error: "invalid_subject_token", error_description: "Unknown user" }, 400);
      const grant = ctx.tokens.issueOnline(shop!, scopes, user.id, now);
      return json({
        access_token: grant.token,
        scope: scopes.join(","),
        expires_in: secondsUntil(grant.expiresAt, now),
        associated_user_scope: scopes.join(","),
        associated_user: {
          id: user.id,
          first_name: user.firstName,
          last_name: user.lastName,
          email: user.email,
          account_owner: user.accountOwner,
          locale: user.locale,
          collaborator: false,
          email_verified: true,
        },
      });
    }
    return json({ error: "invalid_request", error_description: "Unsupported requested_token_type" }, 400);
  };
}
