/** The steps of a return the shopper hears about (the returns module reports them through notifyReturnUpdate). */
export const RETURN_MILESTONES = ["requested", "approved", "declined", "label_ready", "in_transit", "received", "refunded", "closed"] as const;
export type ReturnMilestone = (typeof RETURN_MILESTONES)[number];
