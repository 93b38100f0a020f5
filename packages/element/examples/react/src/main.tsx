import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Checkout } from './Checkout';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <h1>Checkout</h1>
    <Checkout order={{ id: 'A-1001', amount: 129900, currency: 'EUR' }} />
  </StrictMode>,
);
