import type { MessageKey } from "../messages";
import type { PageFrame } from "./frame";
import { PageShell } from "./PageShell";

/** Why the look-up form is shown again: one message per cause, never more detail than that. */
export type LookupNotice = Extract<MessageKey, "notFound" | "linkInvalid" | "rateLimited">;

/** The order look-up form (order number + email), with an optional notice above it. */
export function LookupPage({ frame, notice }: { frame: PageFrame; notice: LookupNotice | null }) {
  const { t } = frame;
  const heading = frame.headline ?? t("lookupHeading");
  return (
    <PageShell frame={frame} title={heading}>
      <h1>{heading}</h1>
      {notice ? (
        <p className="notice" role="alert">
          {t(notice)}
        </p>
      ) : null}
      <p>{t("lookupIntro")}</p>
      <form method="post" action={frame.href("lookup")}>
        <input type="hidden" name="locale" value={frame.locale} />
        <div>
          <label htmlFor="order">{t("orderNumberLabel")}</label>
          <input id="order" name="order" maxLength={40} autoComplete="off" placeholder="#1001" aria-describedby="order-or-tracking" />
          <p id="order-or-tracking" className="note">
            {t("orderOrTracking")}
          </p>
        </div>
        <div>
          <label htmlFor="trackingNumber">{t("trackingNumberOptional")}</label>
          <input id="trackingNumber" name="trackingNumber" maxLength={60} autoComplete="off" />
        </div>
        <div>
          <label htmlFor="email">{t("emailLabel")}</label>
          <input id="email" name="email" type="email" required maxLength={254} autoComplete="email" />
        </div>
        <div>
          <button type="submit">{t("submit")}</button>
        </div>
      </form>
    </PageShell>
  );
}
