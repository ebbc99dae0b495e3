import type { ReactNode } from "react";
import type { PageFrame } from "~/tracking-page/render/frame";
import { PageShell } from "~/tracking-page/render/PageShell";
import type { PortalTranslate } from "../messages";

/** What every portal page is drawn with: the tracking page's frame plus the portal's texts. */
export interface PortalChrome {
  frame: PageFrame;
  t: PortalTranslate;
}

/** A portal page inside the shop's branded shell; `problems` (already translated) are announced first. */
export function PortalPage({ chrome, title, problems = [], children }: { chrome: PortalChrome; title: string; problems?: readonly string[]; children: ReactNode }) {
  return (
    <PageShell frame={chrome.frame} title={title}>
      <h1>{title}</h1>
      {problems.length > 0 ? (
        <div className="notice" role="alert">
          <p>{chrome.t("errorsHeading")}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {children}
    </PageShell>
  );
}

/** The hidden fields every step form carries: which step it answers, the choices so far, the page language. */
export function StepFields({ step, draft, locale }: { step: string; draft: string | null; locale: string }) {
  return (
    <>
      <input type="hidden" name="step" value={step} />
      {draft ? <input type="hidden" name="draft" value={draft} /> : null}
      <input type="hidden" name="locale" value={locale} />
    </>
  );
}

/** Radios and checkboxes keep their natural size (the shell styles text inputs full width). */
export const CHOICE_STYLE = { width: "auto", marginRight: 8 } as const;
