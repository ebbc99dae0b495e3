import type { ReactNode } from "react";
import type { PageFrame } from "./frame";
import { pageStyles } from "./styles";

/** The HTML document around a tracking page: head with inline styles, branded header, help footer. */
export function PageShell({ frame, title, children }: { frame: PageFrame; title: string; children: ReactNode }) {
  const { t, branding } = frame;
  return (
    <html lang={frame.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex,nofollow" />
        <meta name="referrer" content="no-referrer" />
        <title>{`${title} · ${frame.shopName}`}</title>
        <style dangerouslySetInnerHTML={{ __html: pageStyles(branding) }} />
      </head>
      <body>
        <a className="skip" href="#main">
          {t("pageTitle")}
        </a>
        <header>
          {branding.logoUrl ? <img src={branding.logoUrl} alt={frame.shopName} /> : <span>{frame.shopName}</span>}
        </header>
        <main id="main">{children}</main>
        <footer aria-labelledby="help">
          <h2 id="help">{t("helpHeading")}</h2>
          <p>
            {frame.contactEmail ? <a href={`mailto:${frame.contactEmail}`}>{t("contactUs")}</a> : null}
            {frame.contactEmail && frame.returnsUrl ? " · " : null}
            {frame.returnsUrl ? <a href={frame.returnsUrl}>{t("startReturn")}</a> : null}
          </p>
        </footer>
      </body>
    </html>
  );
}
