import { z } from 'zod';

/** Provider names; which ones this verifier has is checked against its providers (refineDeliveryRoutes). */
const route = z.array(z.string().min(1).max(64)).min(1);

/**
 * Which providers send a brand's messages, by channel, in order (the first sends; the next ones take over when
 * it fails or its circuit is open). `fallbackToEmail`: an SMS that cannot be delivered goes by email instead,
 * when the session has the customer's address.
 */
export const deliverySchema = z
  .strictObject({
    sms: route,
    email: route.optional(),
    fallbackToEmail: z.boolean().default(false),
  })
  .default({ sms: ['dev-inbox'], fallbackToEmail: false });

type Routes = z.infer<typeof deliverySchema>;

/** Refuses a brand whose route names a provider neither the verifier nor the file's `providers` has. */
export function refineDeliveryRoutes(verifierProviders: readonly string[]) {
  return (file: { providers: object; brands: { delivery: Routes }[] }, context: z.RefinementCtx): void => {
    const providerNames = [...verifierProviders, ...Object.keys(file.providers)];
    file.brands.forEach((brand, index) => {
      for (const channel of ['sms', 'email'] as const) {
        brand.delivery[channel]?.forEach((name, position) => {
          if (providerNames.includes(name)) return;
          context.addIssue({
            code: 'custom',
            path: ['brands', index, 'delivery', channel, position],
            message: `${JSON.stringify(name)} is not a message provider of this verifier (${providerNames.join(', ')})`,
          });
        });
      }
    });
  };
}
