// The verifier of this test run, from `?verifier=` (loopback only).
const verifier = new URLSearchParams(location.search).get('verifier');
if (verifier && new URL(verifier).hostname === '127.0.0.1') {
  document.querySelector('otp-verify').setAttribute('verifier', verifier);
}
