import { PortalPage, type PortalChrome } from "./parts";

/** The portal pages around the steps: log in, choose an order, a return's status, and refusals. */

export function LoginPage({ chrome, loginUrl }: { chrome: PortalChrome; loginUrl: string }) {
  const { t } = chrome;
  return (
    <PortalPage chrome={chrome} title={t("loginHeading")}>
      <p>{t("loginIntro")}</p>
      <p>
        <a className="btn" href={loginUrl}>
          {t("loginLink")}
        </a>
      </p>
    </PortalPage>
  );
}

export interface OrderChoiceView {
  href: string;
  name: string;
  placed: string;
}

export function OrdersPage({ chrome, orders }: { chrome: PortalChrome; orders: OrderChoiceView[] }) {
  const { t } = chrome;
  return (
    <PortalPage chrome={chrome} title={t("ordersHeading")}>
      {orders.length === 0 ? <p>{t("noOrders")}</p> : <p>{t("ordersIntro")}</p>}
      {orders.map((order) => (
        <div className="card" key={order.href}>
          <h2>{order.name}</h2>
          <p className="note">{order.placed}</p>
          <a className="btn" href={order.href}>
            {t("chooseOrder")}
          </a>
        </div>
      ))}
    </PortalPage>
  );
}

export interface ReturnStatusView {
  heading: string;
  status: string;
  submitted: boolean;
  items: string[];
  outcome: string;
  money: { label: string; value: string }[];
  label: { url: string | null; tracking: string | null } | null;
  timeline: { at: string; iso: string; text: string }[];
  ordersHref: string;
}

export function StatusPage({ chrome, view }: { chrome: PortalChrome; view: ReturnStatusView }) {
  const { t } = chrome;
  return (
    <PortalPage chrome={chrome} title={view.heading}>
      {view.submitted ? <p role="status">{t("returnSubmitted")}</p> : null}
      <section className="card">
        <p className="status">{view.status}</p>
        <h2>{t("itemsReturned")}</h2>
        <ul>
          {view.items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <p>{view.outcome}</p>
        {view.money.length > 0 ? (
          <dl>
            {view.money.map((row) => (
              <div key={row.label} style={{ display: "contents" }}>
                <dt>{row.label}</dt>
                <dd>{row.value}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </section>
      {view.label ? (
        <section className="card">
          <h2>{t("labelHeading")}</h2>
          {view.label.url ? (
            <p>
              <a className="btn" href={view.label.url} rel="noopener noreferrer">
                {t("downloadLabel")}
              </a>
            </p>
          ) : null}
          {view.label.tracking ? <p>{view.label.tracking}</p> : null}
        </section>
      ) : null}
      {view.timeline.length > 0 ? (
        <section className="card">
          <h2>{t("timelineHeading")}</h2>
          <ol className="tl">
            {view.timeline.map((entry) => (
              <li key={`${entry.iso}-${entry.text}`}>
                <time dateTime={entry.iso}>{entry.at}</time>
                {entry.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p>
        <a href={view.ordersHref}>{t("yourOrders")}</a>
      </p>
    </PortalPage>
  );
}

/** A refusal (another customer's order, an unknown one, an expired form) with the way back. */
export function MessagePage({ chrome, title, message, backHref }: { chrome: PortalChrome; title: string; message: string; backHref: string }) {
  return (
    <PortalPage chrome={chrome} title={title}>
      <p className="notice" role="alert">
        {message}
      </p>
      <p>
        <a href={backHref}>{chrome.t("yourOrders")}</a>
      </p>
    </PortalPage>
  );
}
