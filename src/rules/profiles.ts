/**
 * The STIG profiles relaygate judges against, with every identifier of the
 * mail-relay requirement in each (shared/reference/stig-ids.md), so a finding
 * can be pasted into a POA&M without looking anything up.
 */
export type ProfileId = 'gen004710' | 'rhel6' | 'rhel7' | 'rhel8' | 'rhel9' | 'rhel10';

export const PROFILE_IDS: readonly ProfileId[] = ['gen004710', 'rhel6', 'rhel7', 'rhel8', 'rhel9', 'rhel10'];

export interface Profile {
  id: ProfileId;
  title: string;
  /** STIG id, vulnerability ids, rule ids and CCIs of every STIG this profile covers. */
  ids: string[];
  /** How the Postfix check reads smtpd_client_restrictions. */
  postfix: {
    /**
     * 'gen004710': loopback inet_interfaces is a pass; else reject present, no bare permit before it.
     * 'localhost': inet_interfaces must be localhost/loopback (RHEL 6).
     * 'only-permit-mynetworks-reject': only permit_mynetworks and reject, reject present.
     */
    check: 'gen004710' | 'localhost' | 'only-permit-mynetworks-reject';
    /** rhel9/rhel10: entries other than permit_mynetworks and reject are a warning (ISSO-documented exception), not an error. */
    otherEntriesLevel: 'error' | 'warning';
  };
}

const GEN004710_IDS = [
  'GEN004710',
  'V-218553', 'V-23952', 'V-226944', 'V-227851',
  'SV-218553r603259_rule', 'SV-62879r2_rule', 'SV-37514r2_rule', 'SV-38919r1_rule', 'SV-38410r1_rule',
  'SV-226944r603265_rule', 'SV-227851r603266_rule', 'SV-45875r1_rule',
  'CCI-000366', 'CCI-001305',
];

export const PROFILES: Record<ProfileId, Profile> = {
  gen004710: {
    id: 'gen004710',
    title: 'GEN004710 (UNIX SRG: Oracle Linux 5, RHEL 5, AIX, HP-UX, Solaris 10, SLES 11)',
    ids: GEN004710_IDS,
    postfix: { check: 'gen004710', otherEntriesLevel: 'error' },
  },
  rhel6: {
    id: 'rhel6',
    title: 'RHEL 6 / Oracle Linux 6',
    ids: ['RHEL-06-000249', 'OL6-00-000249', 'V-218009', 'V-38622', 'V-208930', 'SV-218009r603264_rule', 'SV-208930r793716_rule', 'CCI-000382'],
    postfix: { check: 'localhost', otherEntriesLevel: 'error' },
  },
  rhel7: {
    id: 'rhel7',
    title: 'RHEL 7 / Oracle Linux 7',
    ids: ['RHEL-07-040680', 'OL07-00-040680', 'V-204619', 'V-72297', 'V-221883', 'SV-204619r991589_rule', 'SV-221883r991589_rule', 'CCI-000366'],
    postfix: { check: 'only-permit-mynetworks-reject', otherEntriesLevel: 'error' },
  },
  rhel8: {
    id: 'rhel8',
    title: 'RHEL 8 / Oracle Linux 8 / TOSS 4',
    ids: ['RHEL-08-040290', 'OL08-00-040290', 'TOSS-04-040700', 'V-230550', 'V-248895', 'V-253111', 'SV-230550r1017312_rule', 'SV-248895r991589_rule', 'SV-253111r825005_rule', 'CCI-000366'],
    postfix: { check: 'only-permit-mynetworks-reject', otherEntriesLevel: 'error' },
  },
  rhel9: {
    id: 'rhel9',
    title: 'RHEL 9 / Oracle Linux 9 / AlmaLinux 9',
    ids: ['RHEL-09-252050', 'OL09-00-002425', 'ALMA-09-019490', 'V-257951', 'V-271763', 'V-269252', 'SV-257951r1014843_rule', 'SV-271763r1092001_rule', 'SV-269252r1050134_rule', 'CCI-000366'],
    postfix: { check: 'only-permit-mynetworks-reject', otherEntriesLevel: 'warning' },
  },
  rhel10: {
    id: 'rhel10',
    title: 'RHEL 10',
    ids: ['RHEL-10-200692', 'V-280999', 'SV-280999r1165352_rule', 'CCI-000381'],
    postfix: { check: 'only-permit-mynetworks-reject', otherEntriesLevel: 'warning' },
  },
};

/** sendmail appears only in the GEN004710 STIGs; its findings carry those ids under every profile. */
export const SENDMAIL_IDS = GEN004710_IDS;

export function isProfileId(value: string): value is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(value);
}
