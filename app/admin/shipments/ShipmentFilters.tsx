import { useNavigate } from "@remix-run/react";
import { BlockStack, ChoiceList, Filters, TextField, type FilterInterface } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { shipmentStatusLabel, SHIPMENT_STATUS_LABELS } from "~/analytics/shipment-status";
import { listSearch, NO_FILTERS, type ShipmentListFilters } from "~/shipments/list-params";
import type { ShipmentStatus } from "~/tracking/status";
import { carrierLabel } from "./carrier-label";

const SEARCH_DELAY_MS = 300;
const STATUS_CHOICES = (Object.keys(SHIPMENT_STATUS_LABELS) as ShipmentStatus[]).map((status) => ({ value: status, label: shipmentStatusLabel(status) }));
const FLAG_CHOICES = [
  { value: "attention", label: "Needs attention (exception, attempted, delayed, no update)" },
  { value: "delayed", label: "Delayed or past its estimated delivery" },
];

/** The list's search and filters; every change becomes the URL (and resets the page), so views can be shared. */
export function ShipmentFilters({ filters, carriers }: { filters: ShipmentListFilters; carriers: string[] }) {
  const navigate = useNavigate();
  const apply = (next: ShipmentListFilters) => navigate(`/app/shipments${listSearch(next)}`, { replace: true });
  const [search, setSearch] = useState(filters.search ?? "");

  useEffect(() => {
    const typed = search.trim() || null;
    if (typed === filters.search) return;
    const timer = setTimeout(() => apply({ ...filters, search: typed }), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
    // Only a new search term schedules a navigation; other filter changes navigate by themselves.
  }, [search]);

  const flags = [filters.attention && "attention", filters.delayed && "delayed"].filter((flag): flag is string => Boolean(flag));
  const definitions: FilterInterface[] = [
    {
      key: "status",
      label: "Status",
      shortcut: true,
      filter: (
        <ChoiceList
          title="Status"
          titleHidden
          allowMultiple
          choices={STATUS_CHOICES}
          selected={filters.statuses}
          onChange={(statuses) => apply({ ...filters, statuses: statuses as ShipmentStatus[] })}
        />
      ),
    },
    {
      key: "carrier",
      label: "Carrier",
      shortcut: true,
      filter: (
        <ChoiceList
          title="Carrier"
          titleHidden
          choices={carriers.map((carrier) => ({ value: carrier, label: carrierLabel(carrier) }))}
          selected={filters.carrier ? [filters.carrier] : []}
          onChange={([carrier]) => apply({ ...filters, carrier: carrier ?? null })}
        />
      ),
    },
    {
      key: "flags",
      label: "Problems",
      shortcut: true,
      filter: (
        <ChoiceList
          title="Problems"
          titleHidden
          allowMultiple
          choices={FLAG_CHOICES}
          selected={flags}
          onChange={(selected) => apply({ ...filters, attention: selected.includes("attention"), delayed: selected.includes("delayed") })}
        />
      ),
    },
    {
      key: "shipped",
      label: "Ship date",
      filter: (
        <BlockStack gap="200">
          <TextField label="Shipped on or after" type="date" autoComplete="off" value={filters.shippedFrom ?? ""} onChange={(day) => apply({ ...filters, shippedFrom: day || null })} />
          <TextField label="Shipped on or before" type="date" autoComplete="off" value={filters.shippedTo ?? ""} onChange={(day) => apply({ ...filters, shippedTo: day || null })} />
        </BlockStack>
      ),
    },
  ];

  const applied = [
    filters.statuses.length > 0 && { key: "status", label: `Status: ${filters.statuses.map(shipmentStatusLabel).join(", ")}`, onRemove: () => apply({ ...filters, statuses: [] }) },
    filters.carrier && { key: "carrier", label: `Carrier: ${carrierLabel(filters.carrier)}`, onRemove: () => apply({ ...filters, carrier: null }) },
    flags.length > 0 && {
      key: "flags",
      label: FLAG_CHOICES.filter((choice) => flags.includes(choice.value)).map((choice) => choice.label.split(" (")[0]).join(", "),
      onRemove: () => apply({ ...filters, attention: false, delayed: false }),
    },
    (filters.shippedFrom || filters.shippedTo) && {
      key: "shipped",
      label: `Shipped ${filters.shippedFrom ?? "…"} – ${filters.shippedTo ?? "…"}`,
      onRemove: () => apply({ ...filters, shippedFrom: null, shippedTo: null }),
    },
  ].filter((filter): filter is { key: string; label: string; onRemove: () => void } => Boolean(filter));

  return (
    <Filters
      queryValue={search}
      queryPlaceholder="Search by order name or tracking number"
      onQueryChange={setSearch}
      onQueryClear={() => setSearch("")}
      filters={definitions}
      appliedFilters={applied}
      onClearAll={() => {
        setSearch("");
        apply({ ...NO_FILTERS, sort: filters.sort });
      }}
    />
  );
}
