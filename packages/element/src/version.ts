/** The element's version, as published (package.json); stamped on the class as `OtpVerify.version`. */
export const version = '0.1.0';
