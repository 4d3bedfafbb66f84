/** Associated-data labels binding each ciphertext to where it belongs, so none can be moved. */
export const fieldPlace = (providerId: string, key: string) => `provider:${providerId}:field:${key}`;
export const tokenPlace = (providerId: string) => `provider:${providerId}:token`;
