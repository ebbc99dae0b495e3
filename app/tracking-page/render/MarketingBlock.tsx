import type { Translate } from "../messages";

/** The marketing block as rendered: every link already points at a counted, signed redirect. */
export interface MarketingView {
  banner: { text: string; href: string | null } | null;
  discount: { code: string; href: string } | null;
  recommendations: { title: string; href: string; imageUrl: string | null; imageAlt: string | null; price: string | null }[];
}

/** Whether a marketing view has anything to show. */
export function hasMarketingContent(view: MarketingView | null): view is MarketingView {
  return !!view && (!!view.banner || !!view.discount || view.recommendations.length > 0);
}

/** The merchant's banner, discount code and product recommendations. */
export function MarketingBlock({ view, t }: { view: MarketingView; t: Translate }) {
  return (
    <aside aria-labelledby="mk">
      <h2 id="mk">{t("marketingHeading")}</h2>
      {view.banner ? <p>{view.banner.href ? <a href={view.banner.href}>{view.banner.text}</a> : view.banner.text}</p> : null}
      {view.discount ? (
        <p>
          <a className="btn" href={view.discount.href}>
            {t("discountCode", { code: view.discount.code })}
          </a>
        </p>
      ) : null}
      {view.recommendations.length ? (
        <section aria-labelledby="rc">
          <h3 id="rc">{t("recommendations")}</h3>
          <ul className="recs">
            {view.recommendations.map((product) => (
              <li key={product.href}>
                <a href={product.href}>
                  {product.imageUrl ? <img src={product.imageUrl} alt={product.imageAlt ?? ""} loading="lazy" width={150} height={150} /> : null}
                  <span>{product.title}</span>
                </a>
                {product.price ? <span className="note"> {product.price}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
