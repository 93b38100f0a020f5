import { useState } from 'react';
import '@otp-verify/element';

export interface Order {
  id: string;
  /** Minor units (cents). */
  amount: number;
  currency: string;
}

type Verification = { state: 'pending' } | { state: 'verified'; token: string } | { state: 'failed'; code: string };

function describe(verification: Verification): string {
  switch (verification.state) {
    case 'pending':
      return 'Verify your phone number to place the order.';
    case 'verified':
      return `Phone verified. Order token: ${verification.token}`;
    case 'failed':
      return `Not verified yet (${verification.code}).`;
  }
}

/** The checkout form: the element posts the token as `otpToken`; the state below only informs the customer. */
export function Checkout({ order }: { order: Order }) {
  const [verification, setVerification] = useState<Verification>({ state: 'pending' });
  return (
    <form action="/orders" method="post">
      <otp-verify
        brand="acme"
        order-id={order.id}
        amount={order.amount}
        currency={order.currency}
        verifier={import.meta.env.VITE_OTP_VERIFIER_URL}
        name="otpToken"
        required
        onotp-verified={(event) => setVerification({ state: 'verified', token: event.detail.token })}
        onotp-error={(event) => setVerification({ state: 'failed', code: event.detail.code })}
        // The token lapsed before the order was placed, or the code expired: verify again.
        onotp-expired={() => setVerification({ state: 'pending' })}
      />
      <p>{describe(verification)}</p>
      <button disabled={verification.state !== 'verified'}>Place order</button>
    </form>
  );
}
