export { ansibleTasks } from './ansible/index.js';
export { cloudInit } from './cloud-init/index.js';
export { extractKubernetesText, kubernetes } from './kubernetes.js';
