import type { Command } from '../cli-context';
import { execCredential } from '../kube-credential';
import { credentialFor } from './token';

/** `keymint kube NAME`: a kubeconfig exec plugin's answer (see kube-credential.ts). */
export const kube: Command = async (context) => {
  const { credential } = await credentialFor(context, 'raw');
  context.print(JSON.stringify(execCredential(credential)));
  return 0;
};
