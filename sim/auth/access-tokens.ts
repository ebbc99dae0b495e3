import { randomBytes } from "node:crypto";

export interface AccessGrant {
  token: string;
  shop: string;
  kind: "offline" | "online";
  scopes: string[];
  userId: number | null;
  expiresAt: Date | null;
  refreshToken: string | null;
  refreshExpiresAt: Date | null;
}

/** Expiring offline tokens last an hour; their refresh tokens 90 days (Shopify's values). */
const EXPIRING_OFFLINE_LIFETIME_S = 3600;
const REFRESH_LIFETIME_S = 90 * 24 * 3600;
/** Online tokens end with the staff member's admin session; Shopify answers 86399 s. */
const ONLINE_LIFETIME_S = 86399;

function secret(prefix: string): string {
  return `${prefix}_${randomBytes(16).toString("hex")}`;
}

/** Access tokens the stand-in issued, by token; a token only works for its shop while it is installed. */
export class AccessTokenRegistry {
  private readonly grants = new Map<string, AccessGrant>();
  private readonly byRefresh = new Map<string, AccessGrant>();

  issueOffline(shop: string, scopes: string[], expiring: boolean, now: Date): AccessGrant {
    const grant: AccessGrant = {
      token: secret("shpat"),
      shop,
      kind: "offline",
      scopes,
      userId: null,
      expiresAt: expiring ? new Date(now.getTime() + EXPIRING_OFFLINE_LIFETIME_S * 1000) : null,
      refreshToken: expiring ? secret("shprt") : null,
      refreshExpiresAt: expiring ? new Date(now.getTime() + REFRESH_LIFETIME_S * 1000) : null,
    };
    return this.store(grant);
  }

  issueOnline(shop: string, scopes: string[], userId: number, now: Date): AccessGrant {
    return this.store({
      token: secret("shpua"),
      shop,
      kind: "online",
      scopes,
      userId,
      expiresAt: new Date(now.getTime() + ONLINE_LIFETIME_S * 1000),
      refreshToken: null,
      refreshExpiresAt: null,
    });
  }

  /** Exchanges a refresh token for a new expiring offline token; the old pair stops working. */
  refresh(shop: string, refreshToken: string, now: Date): AccessGrant | undefined {
    const old = this.byRefresh.get(refreshToken);
    if (!old || old.shop !== shop || (old.refreshExpiresAt && old.refreshExpiresAt <= now)) return undefined;
    this.revoke(old);
    return this.issueOffline(shop, old.scopes, true, now);
  }

  /** The live grant for a token used against a shop, or undefined (Shopify answers 401). */
  authorize(shop: string, token: string | null, now: Date): AccessGrant | undefined {
    if (!token) return undefined;
    const grant = this.grants.get(token);
    if (!grant || grant.shop !== shop) return undefined;
    if (grant.expiresAt && grant.expiresAt <= now) return undefined;
    return grant;
  }

  revokeShop(shop: string): void {
    for (const grant of [...this.grants.values()]) if (grant.shop === shop) this.revoke(grant);
  }

  private store(grant: AccessGrant): AccessGrant {
    this.grants.set(grant.token, grant);
    if (grant.refreshToken) this.byRefresh.set(grant.refreshToken, grant);
    return grant;
  }

  private revoke(grant: AccessGrant): void {
    this.grants.delete(grant.token);
    if (grant.refreshToken) this.byRefresh.delete(grant.refreshToken);
  }
}
