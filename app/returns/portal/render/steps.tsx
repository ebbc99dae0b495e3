import type { ReactNode } from "react";
import type { PortalMessageKey } from "../messages";
import type { ReturnReviewView } from "~/returns/account/contract";
import {
  CHOICE_STYLE,
  PortalPage,
  StepFields,
  type PortalChrome,
} from "./parts";

/** The data each step page shows, prepared (and translated) by the portal; the components only lay it out. */

interface StepPage {
  chrome: PortalChrome;
  title: string;
  action: string;
  draft: string | null;
  problems: string[];
  startOverHref: string;
  /** The portal's order list. */
  ordersHref: string;
}

/** A step's form: what it answers and the choices so far, its fields, the button, and the way back. */
function StepForm({
  page,
  step,
  multipart = false,
  submitLabel = "continue",
  back = "startOver",
  children,
}: {
  page: StepPage;
  step: string;
  multipart?: boolean;
  submitLabel?: PortalMessageKey;
  back?: PortalMessageKey;
  children: ReactNode;
}) {
  const { t, frame } = page.chrome;
  return (
    <>
      <form
        method="post"
        action={page.action}
        encType={multipart ? "multipart/form-data" : undefined}
      >
        <StepFields
          step={step}
          draft={step === "items" ? null : page.draft}
          locale={frame.locale}
        />
        {children}
        <button type="submit">{t(submitLabel)}</button>
      </form>
      <p>
        <a href={back === "yourOrders" ? page.ordersHref : page.startOverHref}>
          {t(back)}
        </a>
      </p>
    </>
  );
}

export interface ItemsLineView {
  lineItemId: string;
  title: string;
  returnableQuantity: number;
  explanations: string[];
  field: string;
  value: number;
}

export interface ExistingReturnView {
  href: string;
  name: string;
  status: string;
}

/** One required choice among a few (outcome, method), each with an optional note after its label. */
function RadioFieldset({
  legend,
  name,
  selected,
  choices,
}: {
  legend: string;
  name: string;
  selected: string | null;
  choices: { value: string; label: string; note?: string | null }[];
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map((choice) => (
        <label key={choice.value}>
          <input type="radio" name={name} value={choice.value} defaultChecked={choice.value === selected} style={CHOICE_STYLE} required />
          {choice.label}
          {choice.note ? <span className="note"> — {choice.note}</span> : null}
        </label>
      ))}
    </fieldset>
  );
}

export function ItemsStep({
  page,
  lines,
  existing,
}: {
  page: StepPage;
  lines: ItemsLineView[];
  existing: ExistingReturnView[];
}) {
  const { t } = page.chrome;
  return (
    <PortalPage
      chrome={page.chrome}
      title={page.title}
      problems={page.problems}
    >
      {existing.length > 0 ? (
        <section className="card">
          <h2>{t("existingReturns")}</h2>
          <ul>
            {existing.map((item) => (
              <li key={item.href}>
                <a href={item.href}>{item.name}</a> — {item.status}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2>{t("itemsHeading")}</h2>
      <StepForm page={page} step="items" back="yourOrders">
        {lines.map((line) => (
          <div className="card" key={line.lineItemId}>
            <h3>{line.title}</h3>
            {line.explanations.map((text) => (
              <p className="note" key={text}>
                {text}
              </p>
            ))}
            {line.returnableQuantity > 0 ? (
              <>
                <label htmlFor={line.field}>
                  {t("quantityLabel", { count: line.returnableQuantity })}
                </label>
                <input
                  id={line.field}
                  name={line.field}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={line.returnableQuantity}
                  step={1}
                  defaultValue={line.value}
                />
              </>
            ) : null}
          </div>
        ))}
      </StepForm>
    </PortalPage>
  );
}

export interface ReasonItemView {
  lineItemId: string;
  title: string;
  quantity: number;
  reasonField: string;
  noteField: string;
  photoField: string;
  reason: string | null;
  note: string;
  photoCount: number;
  /** "Needed …" hints for the reason chosen so far, and any problem the engine found. */
  hints: string[];
}

export function ReasonsStep({
  page,
  items,
  reasons,
}: {
  page: StepPage;
  items: ReasonItemView[];
  reasons: { value: string; label: string }[];
}) {
  const { t } = page.chrome;
  return (
    <PortalPage
      chrome={page.chrome}
      title={page.title}
      problems={page.problems}
    >
      <h2>{t("reasonsHeading")}</h2>
      <StepForm page={page} step="reasons" multipart>
        {items.map((item) => (
          <div className="card" key={item.lineItemId}>
            <h3>
              {item.title} × {item.quantity}
            </h3>
            <label htmlFor={item.reasonField}>{t("reasonLabel")}</label>
            <select
              id={item.reasonField}
              name={item.reasonField}
              defaultValue={item.reason ?? ""}
              required
            >
              <option value="">{t("chooseReasonOption")}</option>
              {reasons.map((reason) => (
                <option key={reason.value} value={reason.value}>
                  {reason.label}
                </option>
              ))}
            </select>
            <label htmlFor={item.noteField}>{t("noteLabel")}</label>
            <textarea
              id={item.noteField}
              name={item.noteField}
              maxLength={2000}
              rows={3}
              defaultValue={item.note}
              style={{ width: "100%" }}
            />
            <label htmlFor={item.photoField}>{t("photoLabel")}</label>
            <input
              id={item.photoField}
              name={item.photoField}
              type="file"
              accept="image/*"
              multiple
            />
            {item.photoCount > 0 ? (
              <p className="note">
                {t("photosAdded", { count: item.photoCount })}
              </p>
            ) : null}
            {item.hints.map((hint) => (
              <p className="note" key={hint}>
                {hint}
              </p>
            ))}
          </div>
        ))}
      </StepForm>
    </PortalPage>
  );
}

export interface OutcomeOfferView {
  outcome: string;
  label: string;
  bonus: string | null;
}

export interface ExchangePickerView {
  lineItemId: string;
  field: string;
  label: string;
  options: { value: string; label: string; disabled: boolean }[];
}

export function OutcomeStep({
  page,
  offers,
  selected,
  pickers,
  exchangeUnavailable,
}: {
  page: StepPage;
  offers: OutcomeOfferView[];
  selected: string | null;
  pickers: ExchangePickerView[];
  exchangeUnavailable: boolean;
}) {
  const { t } = page.chrome;
  return (
    <PortalPage
      chrome={page.chrome}
      title={page.title}
      problems={page.problems}
    >
      <StepForm page={page} step="outcome">
        <RadioFieldset
          legend={t("outcomeHeading")}
          name="outcome"
          selected={selected}
          choices={offers.map((offer) => ({ value: offer.outcome, label: offer.label, note: offer.bonus }))}
        />
        {pickers.map((picker) => (
          <div key={picker.lineItemId}>
            <label htmlFor={picker.field}>{picker.label}</label>
            <select id={picker.field} name={picker.field}>
              {picker.options.map((option) => (
                <option
                  key={option.value}
                  value={option.value}
                  disabled={option.disabled}
                >
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        {exchangeUnavailable ? (
          <p className="note">{t("exchangeUnavailable")}</p>
        ) : null}
      </StepForm>
    </PortalPage>
  );
}

export function MethodStep({
  page,
  methods,
  selected,
}: {
  page: StepPage;
  methods: { method: string; label: string; fee: string }[];
  selected: string | null;
}) {
  const { t } = page.chrome;
  return (
    <PortalPage
      chrome={page.chrome}
      title={page.title}
      problems={page.problems}
    >
      <StepForm page={page} step="method">
        <RadioFieldset
          legend={t("methodHeading")}
          name="method"
          selected={selected}
          choices={methods.map((method) => ({ value: method.method, label: method.label, note: method.fee }))}
        />
      </StepForm>
    </PortalPage>
  );
}

/** The review step shows what the customer-account flow confirms too: one shape for both. */
export type ReviewView = ReturnReviewView;

export function ReviewStep({
  page,
  review,
}: {
  page: StepPage;
  review: ReviewView;
}) {
  const { t } = page.chrome;
  return (
    <PortalPage
      chrome={page.chrome}
      title={page.title}
      problems={page.problems}
    >
      <section className="card">
        <h2>{t("itemsReturned")}</h2>
        <ul>
          {review.items.map((item) => (
            <li key={item.lineItemId}>
              <strong>
                {item.title} × {item.quantity}
              </strong>{" "}
              — {item.reason}
              {item.explanations.map((text) => (
                <div className="note" key={text}>
                  {text}
                </div>
              ))}
            </li>
          ))}
        </ul>
        <p>{review.outcome}</p>
        {review.exchange.length > 0 ? (
          <ul>
            {review.exchange.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
        {review.method ? <p>{review.method}</p> : null}
      </section>
      {review.fees.length > 0 ? (
        <section className="card">
          <h2>{t("feesHeading")}</h2>
          <ul>
            {review.fees.map((fee) => (
              <li key={fee}>{fee}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>{t("totalsHeading")}</h2>
        <dl>
          {review.totals.map((row) => (
            <div key={row.label} style={{ display: "contents" }}>
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
        {review.notes.map((note) => (
          <p className="note" key={note}>
            {note}
          </p>
        ))}
        {review.approval ? <p>{review.approval}</p> : null}
      </section>
      {review.blockers.length > 0 ? (
        <>
          <div className="notice" role="alert">
            <p>{t("cannotSubmit")}</p>
            <ul>
              {review.blockers.map((blocker) => (
                <li key={blocker}>{blocker}</li>
              ))}
            </ul>
          </div>
          <p>
            <a href={page.startOverHref}>{t("startOver")}</a>
          </p>
        </>
      ) : (
        <StepForm page={page} step="submit" submitLabel="submitReturn">
          <input
            type="hidden"
            name="idempotencyKey"
            value={review.idempotencyKey}
          />
        </StepForm>
      )}
    </PortalPage>
  );
}

export type { StepPage };
