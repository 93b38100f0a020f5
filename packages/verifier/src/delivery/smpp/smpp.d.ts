/** The part of the `smpp` package (0.5) this provider and its tests use. */
declare module 'smpp' {
  import type { Server as NetServer, Socket } from 'node:net';
  import type { EventEmitter } from 'node:events';

  // CommonJS: the package's exports are one object (Node's ESM loader cannot name most of them).
  namespace smpp {
    /** A short_message as the package decodes it: text in the PDU's data_coding, the UDH split into elements. */
    interface DecodedShortMessage {
      message: string;
      udh?: Buffer[];
    }

    /** Mandatory parameters and TLVs by name; which ones a PDU has depends on its command. */
    interface PduParams {
      command_status?: number;
      sequence_number?: number;
      system_id?: string;
      password?: string;
      system_type?: string;
      interface_version?: number;
      source_addr_ton?: number;
      source_addr_npi?: number;
      source_addr?: string;
      dest_addr_ton?: number;
      dest_addr_npi?: number;
      destination_addr?: string;
      esm_class?: number;
      registered_delivery?: number;
      data_coding?: number;
      /** Decoded on receipt, a Buffer or string when built to send. */
      short_message?: Buffer | string | DecodedShortMessage;
      message_id?: string;
      receipted_message_id?: string;
      message_state?: number;
    }

    /** A PDU carries the parameters it was built with or decoded from: PduParams, declared once. */
    type PDU = Omit<PduParams, 'command_status' | 'sequence_number'> & {
      command: string;
      command_status: number;
      sequence_number: number;
      isResponse(): boolean;
      response(options?: PduParams): PDU;
    };
    const PDU: new (command: string, options?: PduParams) => PDU;

    class Session extends EventEmitter {
      socket: Socket;
      /** False when the socket is not writable; `onResponse` gets the response with the same sequence number. */
      send(pdu: PDU, onResponse?: (response: PDU) => void): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      on(event: 'connect' | 'close', listener: () => void): this;
      on(event: 'error', listener: (error: Error) => void): this;
      on(event: string, listener: (pdu: PDU) => void): this;
    }

    interface Server extends NetServer {
      sessions: Session[];
    }

    function connect(options: { host: string; port: number }): Session;
    function createServer(listener: (session: Session) => void): Server;

    /** Command status codes by name, ESME_ROK to ESME_RUNKNOWNERR. */
    const errors: Record<string, number>;
  }
  export = smpp;
}
